package dev.worklens.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklens.activity.UnitKind;
import dev.worklens.activity.WorkUnitDraft;
import dev.worklens.activity.WorkUnits;
import dev.worklens.classify.ClassifyTestAccess;
import dev.worklens.classify.FakeMessagesApi;
import dev.worklens.classify.MemberInsights;
import dev.worklens.classify.WorkClassification;
import dev.worklens.support.PostgresInitializer;
import dev.worklens.support.WorklensTest;
import dev.worklens.system.retry.RetryClock;
import dev.worklens.system.retry.VirtualTime;
import dev.worklens.team.Member;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 9, figure 9: units per Claude request and requests on a re-run, against the local fake
 * Messages API, on PostgreSQL. Scale: {@code -Dbench.classify.members} (default 20) members with
 * {@code -Dbench.classify.units} (default 150) units each, stored in sync-sized pages.
 */
@Tag("benchmark")
@WorklensTest
@ContextConfiguration(initializers = PostgresInitializer.class)
@Import(ClassifyBenchmark.NoWaits.class)
@DisplayName("Classification benchmark")
class ClassifyBenchmark {

    static final FakeMessagesApi fake = new FakeMessagesApi();
    static final int MEMBERS = Integer.getInteger("bench.classify.members", 20);
    static final int UNITS = Integer.getInteger("bench.classify.units", 150);
    static final Instant START = Instant.parse("2026-08-03T08:00:00Z");

    @DynamicPropertySource
    static void claude(DynamicPropertyRegistry registry) {
        registry.add("ANTHROPIC_API_KEY", () -> "sk-ant-benchmark-key");
        registry.add("ANTHROPIC_BASE_URL", () -> fake.baseUrl().toString());
        registry.add("worklens.classify.insights-wait", () -> "60s");
    }

    @TestConfiguration
    static class NoWaits {
        @Bean
        @Primary
        RetryClock noWaits() {
            return new VirtualTime();
        }
    }

    @Autowired
    WorkUnits workUnits;

    @Autowired
    WorkClassification classification;

    @Autowired
    MemberInsights insights;

    @Autowired
    ApplicationContext context;

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    @DisplayName("units per Claude request (target ≥ 20) and requests for unchanged units (target 0)")
    void unitsPerRequestAndReRun() {
        List<Long> members = LongStream.rangeClosed(1, MEMBERS).boxed().toList();
        List<WorkUnitDraft> drafts = new Workload(new Random(42)).drafts(members, UNITS);

        long started = System.nanoTime();
        storeLikeASync(drafts);
        classification.classifyPending(members);
        awaitBackground();
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        List<Integer> batchSizes = fake.calls().stream()
                .filter(call -> "record_labels".equals(call.tool()))
                .map(call -> call.units().size())
                .toList();
        IntSummaryStatistics batches =
                batchSizes.stream().mapToInt(Integer::intValue).summaryStatistics();
        long distinctTexts = drafts.stream()
                .filter(d -> !"channel".equals(d.role()))
                .map(WorkUnits::contentHash)
                .distinct()
                .count();

        fake.reset();
        started = System.nanoTime();
        storeLikeASync(drafts);
        var rerun = classification.classifyPending(members);
        awaitBackground();
        long rerunMillis = (System.nanoTime() - started) / 1_000_000;
        int rerunCalls = fake.callCount();

        var from = LocalDate.parse("2026-08-01");
        var to = LocalDate.parse("2026-10-31");
        fake.reset();
        for (long id : members.subList(0, Math.min(5, members.size()))) {
            insights.insights(member(id), from, to, ZoneId.of("UTC"));
        }
        int insightCalls = fake.callCount();
        fake.reset();
        for (long id : members.subList(0, Math.min(5, members.size()))) {
            insights.insights(member(id), from, to, ZoneId.of("UTC"));
        }
        int insightRerunCalls = fake.callCount();

        System.out.printf(
                "%nClassifyBenchmark — %d members × %d units = %d units, %d distinct texts sent to Claude%n",
                MEMBERS, UNITS, drafts.size(), distinctTexts);
        System.out.printf(
                "  first pass: %d requests, %d units sent, units/request mean %.1f, min %d, max %d"
                        + "   (target ≥ 20 per request)   [%d ms]%n",
                batches.getCount(),
                batches.getSum(),
                batches.getAverage(),
                batches.getMin(),
                batches.getMax(),
                firstMillis);
        System.out.printf(
                "  re-run with nothing changed: %d requests, %d units sent   (target 0)   [%d ms]%n",
                rerunCalls, rerun.sentToClaude(), rerunMillis);
        System.out.printf(
                "  insights for 5 members: %d requests; second report: %d requests   (target 0)%n%n",
                insightCalls, insightRerunCalls);

        assertThat(batches.getSum()).isEqualTo(distinctTexts);
        assertThat(batches.getAverage()).isGreaterThanOrEqualTo(20);
        assertThat(rerunCalls).isZero();
        assertThat(insightRerunCalls).isZero();
    }

    private void storeLikeASync(List<WorkUnitDraft> drafts) {
        for (int i = 0; i < drafts.size(); i += 200) {
            workUnits.store(drafts.subList(i, Math.min(drafts.size(), i + 200)));
        }
    }

    private void awaitBackground() {
        await().atMost(Duration.ofMinutes(5)).until(() -> ClassifyTestAccess.backgroundIdle(context));
    }

    private static Member member(long id) {
        return new Member(id, 1, null, "Engineer " + id, null, null, null, false);
    }

    /** Slack messages, standups and GitHub work of realistic length; some texts repeat across people. */
    private record Workload(Random random) {

        static final String[] VERBS = {"Add", "Fix", "Refactor", "Document", "Deploy", "Plan", "Review", "Upgrade"};
        static final String[] THINGS = {
            "the sync engine",
            "CSV export",
            "login redirect",
            "the importer",
            "rate limiter",
            "team overview",
            "payment webhook",
            "search paging",
            "the Helm chart",
            "on-call runbook"
        };
        static final String[] SHARED = {"LGTM", "Approved", "Thanks!", "Looking into it", "+1, ship it"};

        List<WorkUnitDraft> drafts(List<Long> members, int perMember) {
            List<WorkUnitDraft> drafts = new ArrayList<>();
            for (long member : members) {
                for (int n = 0; n < perMember; n++) {
                    drafts.add(draft(member, n));
                }
            }
            return drafts;
        }

        private WorkUnitDraft draft(long member, int n) {
            Instant at = START.plus(Duration.ofHours(8L * n + random.nextInt(8)));
            String topic = VERBS[random.nextInt(VERBS.length)] + " " + THINGS[random.nextInt(THINGS.length)];
            int pick = random.nextInt(10);
            if (pick == 0) {
                String text = SHARED[random.nextInt(SHARED.length)];
                return new WorkUnitDraft(
                        member,
                        "github",
                        UnitKind.REVIEW,
                        "authored",
                        "github:review:acme/api#" + n + ":" + member,
                        at,
                        text,
                        text,
                        null,
                        null,
                        "acme/api");
            }
            if (pick <= 3) {
                String body = topic + ". " + sentences(2 + random.nextInt(12));
                return new WorkUnitDraft(
                        member,
                        "github",
                        UnitKind.PULL_REQUEST,
                        "authored",
                        "github:pr:acme/api#" + member + "-" + n,
                        at,
                        topic,
                        body,
                        null,
                        null,
                        "acme/api");
            }
            if (pick == 4) {
                String body = "Yesterday: " + topic.toLowerCase() + ". Today: " + sentences(1 + random.nextInt(3));
                return new WorkUnitDraft(
                        member,
                        "slack",
                        UnitKind.STANDUP,
                        "authored",
                        "slack:T1:C9:" + member + "." + n,
                        at,
                        body.lines().findFirst().orElse(body),
                        body,
                        null,
                        "standup",
                        null);
            }
            String body = topic + "? " + sentences(1 + random.nextInt(5));
            return new WorkUnitDraft(
                    member,
                    "slack",
                    pick <= 7 ? UnitKind.DISCUSSION : UnitKind.THREAD_REPLY,
                    "authored",
                    "slack:T1:C1:" + member + "." + n,
                    at,
                    body.substring(0, Math.min(80, body.length())),
                    body,
                    null,
                    "eng",
                    null);
        }

        private String sentences(int count) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++) {
                text.append("We changed ")
                        .append(THINGS[random.nextInt(THINGS.length)])
                        .append(" so that ")
                        .append(THINGS[random.nextInt(THINGS.length)])
                        .append(" keeps working under load (step ")
                        .append(random.nextInt(1000))
                        .append("). ");
            }
            return text.toString().strip();
        }
    }
}
