package dev.worklens.classify;

import static org.awaitility.Awaitility.await;

import dev.worklens.activity.UnitKind;
import dev.worklens.activity.WorkUnitDraft;
import dev.worklens.activity.WorkUnits;
import dev.worklens.support.WorklensTest;
import dev.worklens.system.retry.RetryClock;
import dev.worklens.system.retry.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application with Claude enabled against the local fake Messages API. */
@WorklensTest
@Import(ClaudeActiveTest.RecordedWaits.class)
abstract class ClaudeActiveTest {

    static final String KEY = "sk-ant-integration-key-0123456789-secret";
    static final String MODEL = "claude-sonnet-4-6";
    static final FakeMessagesApi fake = new FakeMessagesApi();
    static final VirtualTime time = new VirtualTime();
    static final List<Duration> waits = time.waits;
    private static final AtomicLong members =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1_000, 1_000_000_000));

    @DynamicPropertySource
    static void claude(DynamicPropertyRegistry registry) {
        registry.add("ANTHROPIC_API_KEY", () -> KEY);
        registry.add("ANTHROPIC_BASE_URL", () -> fake.baseUrl().toString());
        registry.add("worklens.classify.insights-wait", () -> "30s");
    }

    @TestConfiguration
    static class RecordedWaits {
        @Bean
        @Primary
        RetryClock recordedWaits() {
            return time;
        }
    }

    @Autowired
    WorkUnits workUnits;

    @Autowired
    WorkClassification classification;

    @Autowired
    ClassifyOnStore onStore;

    @Autowired
    JdbcClient jdbc;

    /** Waits for the background Claude pass the last store started, so call counts are settled. */
    void awaitIdle() {
        await().atMost(Duration.ofSeconds(30)).until(onStore::idle);
    }

    static long newMember() {
        return members.incrementAndGet();
    }

    static WorkUnitDraft pullRequest(long member, int n, String title, Instant at) {
        return new WorkUnitDraft(
                member,
                "github",
                UnitKind.PULL_REQUEST,
                "authored",
                "github:pr:acme/api#" + n,
                at,
                title,
                title + "\n\nDetails of change " + n + " for " + member + ".",
                "https://github.com/acme/api/pull/" + n,
                null,
                "acme/api");
    }

    static List<WorkUnitDraft> pullRequests(long member, int count, Instant at) {
        return java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(n -> pullRequest(member, n, "Add endpoint number " + n, at.plusSeconds(3600L * n)))
                .toList();
    }

    record Row(String category, String classifier, String promptVersion, Double confidence, boolean current) {}

    List<Row> rows(long member) {
        return jdbc.sql("SELECT category, classifier, prompt_version, confidence,"
                        + " CASE WHEN classified_hash = content_hash THEN 1 ELSE 0 END AS current_label"
                        + " FROM work_units WHERE member_id = ? ORDER BY id")
                .param(member)
                .query((rs, i) -> new Row(
                        rs.getString("category"),
                        rs.getString("classifier"),
                        rs.getString("prompt_version"),
                        rs.getObject("confidence") == null ? null : rs.getDouble("confidence"),
                        rs.getInt("current_label") == 1))
                .list();
    }
}
