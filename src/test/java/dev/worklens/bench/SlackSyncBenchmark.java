package dev.worklens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.worklens.WorklensApplication;
import dev.worklens.demo.FakeSlackApi;
import dev.worklens.slack.SlackTestSupport;
import dev.worklens.slack.SyntheticWorkspace;
import dev.worklens.slack.TestSourceRun;
import dev.worklens.slack.client.SlackRecords.SlackMessage;
import dev.worklens.slack.ingest.SlackStore;
import dev.worklens.slack.ingest.SlackTs;
import dev.worklens.support.PostgresServer;
import dev.worklens.sync.Source;
import dev.worklens.sync.SyncRange;
import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Slack sync cost and throughput against a fake Slack with latency. Run with
 * {@code ./mvnw -o -Pbench test -Dtest=SlackSyncBenchmark}; figures go to docs/benchmarks-slack.md.
 */
@Tag("benchmark")
@DisplayName("Slack sync benchmark")
class SlackSyncBenchmark {

    static final int PEOPLE = 250;
    static final int CHANNELS = 16;
    static final int MESSAGES_PER_CHANNEL = 1500;
    static final SyncRange RANGE = new SyncRange(LocalDate.parse("2026-08-23"), LocalDate.parse("2026-11-20"));
    static final FakeSlackApi fake = SlackTestSupport.FAKE;

    static ConfigurableApplicationContext postgres;
    static ConfigurableApplicationContext h2;

    @BeforeAll
    static void start() {
        SlackTestSupport.CLOCK.set(Instant.parse("2026-11-20T12:00:00Z"));
        postgres = app(
                "--spring.datasource.url=" + PostgresServer.newDatabaseUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres");
        h2 = app();
    }

    @AfterAll
    static void stop() {
        postgres.close();
        h2.close();
    }

    static ConfigurableApplicationContext app(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--SLACK_BASE_URL=" + fake.baseUrl(),
                "--server.port=0",
                "--db-scheduler.enabled=false",
                "--logging.level.dev.worklens=WARN"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(WorklensApplication.class, SlackTestSupport.Beans.class)
                .profiles("test")
                .run(args.toArray(String[]::new));
    }

    record Team(Operator operator, List<Member> members) {}

    static Team team(ConfigurableApplicationContext app, int size) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        for (String t : new String[] {
            "work_units",
            "slack_mentions",
            "slack_messages",
            "slack_channel_cursors",
            "slack_channels",
            "slack_users",
            "slack_usergroups",
            "app_settings",
            "members",
            "operators"
        }) {
            jdbc.sql("DELETE FROM " + t).update();
        }
        Operators operators = app.getBean(Operators.class);
        Roster roster = app.getBean(Roster.class);
        Operator op = operators.signedIn(
                new Operators.SlackIdentity(
                        SyntheticWorkspace.userId(0), SyntheticWorkspace.name(0), "Person 0", null, "T1", "Acme"),
                FakeSlackApi.TOKEN,
                "channels:history");
        List<Member> members = new ArrayList<>(roster.members(op.id()));
        for (int p = 1; p < size; p++) {
            members.add(roster.add(
                            op.id(),
                            new MemberFields(
                                    SyntheticWorkspace.userId(p),
                                    SyntheticWorkspace.name(p),
                                    "Person " + p,
                                    null,
                                    null))
                    .member());
        }
        return new Team(operators.find(op.id()).orElseThrow(), members);
    }

    static TestSourceRun sync(ConfigurableApplicationContext app, Team team) throws Exception {
        Source slack = app.getBeansOfType(Source.class).values().stream()
                .filter(s -> s.id().equals("slack"))
                .findFirst()
                .orElseThrow();
        var run = new TestSourceRun(team.operator(), RANGE, team.members());
        slack.run(run);
        run.tasks().forEach(t -> assertThat(t.finished()).as("task ended early").isFalse());
        return run;
    }

    static long rows(ConfigurableApplicationContext app, String table) {
        return app.getBean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM " + table)
                .query(Long.class)
                .single();
    }

    @Test
    @DisplayName(
            "calls for a team sync stay at the minimum whatever the team size; a repeat sync costs a call per channel")
    void callsPerTeamSize() throws Exception {
        fake.clear();
        new SyntheticWorkspace(PEOPLE, CHANNELS, MESSAGES_PER_CHANNEL)
                .build(fake, Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-11-20T00:00:00Z"), 1);
        fake.latency(java.time.Duration.ofMillis(2));
        String windowStart = SlackTs.of(RANGE.start().minus(Duration.ofDays(14)));
        int minimum = fake.minimumCalls(windowStart, SlackTs.of(RANGE.start()), SlackTs.of(RANGE.endExclusive()), 999);
        int listCalls = 1 + 2 + 1;
        System.out.printf(
                "%nworkspace: %d people, %d channels x %d messages (+ threads), range %s..%s%n",
                PEOPLE, CHANNELS, MESSAGES_PER_CHANNEL, RANGE.from(), RANGE.to());
        System.out.printf(
                "minimum calls (history pages at 999 + replies per thread in range + list pages): %d%n", minimum);
        System.out.println(
                "members | calls | ratio to minimum (target <= 1.1) | naive per-member passes | sync s | units");
        for (int size : new int[] {5, 20, 60}) {
            Team team = team(postgres, size);
            fake.resetCounts();
            long t0 = System.nanoTime();
            sync(postgres, team);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long calls = fake.totalCalls();
            long naive = size * (calls - listCalls) + listCalls;
            double ratio = (double) calls / minimum;
            System.out.printf(
                    "%7d | %5d | %.3f | %d | %.1f | %d%n",
                    size, calls, ratio, naive, seconds, rows(postgres, "work_units"));
            assertThat(ratio).isLessThanOrEqualTo(1.1);

            if (size == 60) {
                long messages = rows(postgres, "slack_messages");
                long units = rows(postgres, "work_units");
                fake.resetCounts();
                sync(postgres, team);
                long repeat = fake.totalCalls();
                System.out.printf(
                        "repeat sync: %d calls (target <= channels %d + list pages %d = %d); history %d, replies %d%n",
                        repeat,
                        CHANNELS,
                        listCalls,
                        CHANNELS + listCalls,
                        fake.calls("conversations.history"),
                        fake.calls("conversations.replies"));
                System.out.printf(
                        "re-sync added rows: messages %d, work units %d (target 0)%n",
                        rows(postgres, "slack_messages") - messages, rows(postgres, "work_units") - units);
                assertThat(repeat).isLessThanOrEqualTo(CHANNELS + listCalls);
                assertThat(rows(postgres, "slack_messages")).isEqualTo(messages);
                assertThat(rows(postgres, "work_units")).isEqualTo(units);
            }
        }
        fake.latency(java.time.Duration.ofMillis(0));
    }

    @Test
    @DisplayName("messages stored per second into PostgreSQL and H2")
    void storeThroughput() {
        int total = 100_000;
        for (var entry : List.of(List.of("PostgreSQL", postgres), List.of("H2", h2))) {
            var app = (ConfigurableApplicationContext) entry.get(1);
            SlackStore store = app.getBean(SlackStore.class);
            app.getBean(JdbcClient.class).sql("DELETE FROM slack_messages").update();
            store.saveMessages("TB", "CWARM", page(0, 999)); // warm up
            long t0 = System.nanoTime();
            for (int offset = 0; offset < total; offset += 999) {
                store.saveMessages("TB", "CB", page(offset, Math.min(999, total - offset)));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            for (int offset = 0; offset < total; offset += 999) {
                store.saveMessages("TB", "CB", page(offset, Math.min(999, total - offset)));
            }
            double again = (System.nanoTime() - t1) / 1e9;
            System.out.printf(
                    "%s: %,d messages stored in %.2f s = %,.0f messages/s (target >= 20,000/s on PostgreSQL);"
                            + " re-storing the same (edits path) %,.0f/s; rows %d%n",
                    entry.get(0), total, seconds, total / seconds, total / again, rows(app, "slack_messages") - 999);
        }
    }

    static List<SlackMessage> page(int offset, int size) {
        List<SlackMessage> out = new ArrayList<>(size);
        for (int i = offset; i < offset + size; i++) {
            String ts = "17900%05d.%06d".formatted(i / 1000, i % 1000);
            String text = "update on item " + i + " with <@U0000001> and some words to make it realistic";
            String raw = "{\"type\":\"message\",\"user\":\"U0000002\",\"text\":\"" + text + "\",\"ts\":\"" + ts
                    + "\",\"team\":\"TB\",\"blocks\":[{\"type\":\"rich_text\",\"block_id\":\"b" + i + "\"}]}";
            out.add(new SlackMessage(ts, null, "U0000002", null, null, null, text, 0, null, null, raw));
        }
        return out;
    }

    @Test
    @DisplayName("peak heap of a sync is bounded by a page, not by the channel")
    void peakHeap() throws Exception {
        System.out.println("channel size | live heap before MB (fake Slack's data included) | max live heap after a GC"
                + " during the sync MB | growth MB | GCs");
        int[] sizes = {5_000, 50_000};
        long[] growth = new long[sizes.length];
        for (int n = 0; n < sizes.length; n++) {
            int size = sizes[n];
            fake.clear();
            fake.channel("CBIG", "big", false, true);
            fake.user(SyntheticWorkspace.userId(0), "person0", "Person 0", null);
            Instant start = RANGE.start();
            for (int i = 0; i < size; i++) {
                fake.post("CBIG", SlackTs.of(start.plusSeconds(i * 60L)))
                        .user(SyntheticWorkspace.userId(i % 7))
                        .text("message " + i + " " + "x".repeat(200));
            }
            Team team = team(postgres, 1); // the database outside this JVM: the heap is the sync's own
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long baseline = rt.totalMemory() - rt.freeMemory();
            // what survives each collection is the live set; garbage between collections says nothing
            var maxAfterGc = new AtomicLong();
            var collections = new AtomicLong();
            NotificationListener listener = (notification, handback) -> {
                if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                            .mapToLong(MemoryUsage::getUsed)
                            .sum();
                    maxAfterGc.accumulateAndGet(used, Math::max);
                    collections.incrementAndGet();
                }
            };
            List<NotificationEmitter> emitters = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(b -> (NotificationEmitter) b)
                    .toList();
            emitters.forEach(e -> e.addNotificationListener(listener, null, null));
            var running = new java.util.concurrent.atomic.AtomicBoolean(true);
            // a collection every 200 ms samples the live set, whatever the young generation's size
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    System.gc();
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            try {
                sync(postgres, team);
            } finally {
                running.set(false);
                sampler.join();
                for (NotificationEmitter e : emitters) {
                    e.removeNotificationListener(listener);
                }
            }
            System.out.printf(
                    "%,12d | %,d | %,d | %,d | %d%n",
                    size,
                    baseline >> 20,
                    maxAfterGc.get() >> 20,
                    Math.max(0, maxAfterGc.get() - baseline) >> 20,
                    collections.get());
            growth[n] = Math.max(0, maxAfterGc.get() - baseline);
        }
        // a sync that held the channel would grow by at least the extra messages' text (200 bytes
        // each); one bounded by a page grows by about the same at both sizes
        long extraText = (long) (sizes[1] - sizes[0]) * 200;
        System.out.printf(
                "growth %,d -> %,d messages: %,d MB more (target < %,d MB, the extra messages' text)%n",
                sizes[0], sizes[1], (growth[1] - growth[0]) >> 20, extraText >> 20);
        assertThat(growth[1] - growth[0]).isLessThan(extraText);
    }
}
