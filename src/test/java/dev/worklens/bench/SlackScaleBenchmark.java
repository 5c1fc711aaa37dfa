package dev.worklens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.bench.SlackWorkspaceBench.Job;
import dev.worklens.bench.SlackWorkspaceBench.Minimum;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 9, figures 1, 2, 4 and 5 for Slack, end to end: the whole application on PostgreSQL (and
 * H2) syncing through {@code POST /api/syncs} from the stand-in Slack over one synthetic workspace.
 *
 * <pre>
 * ./mvnw -o -Pbench test -Dtest=SlackScaleBenchmark
 *   -Dbench.members=60 -Dbench.channels=8 -Dbench.days=90 -Dbench.perMemberDay=0.5
 *   -Dbench.threadEvery=3 -Dbench.latencyMillis=25 -Dbench.teams=5,10,20,40,60
 *   -Dbench.rl.days=21 -Dbench.rl.perMinute=50 -Dbench.rl.timeScale=0.2
 * </pre>
 */
@Tag("benchmark")
@DisplayName("Slack scale benchmark (whole application, synthetic workspace)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackScaleBenchmark {

    static final int MEMBERS = Integer.getInteger("bench.members", 60);
    static final int CHANNELS = Integer.getInteger("bench.channels", 8);
    static final int DAYS = Integer.getInteger("bench.days", 90);
    static final double PER_MEMBER_DAY = Double.parseDouble(System.getProperty("bench.perMemberDay", "0.5"));
    static final int THREAD_EVERY = Integer.getInteger("bench.threadEvery", 3);
    static final long LATENCY = Long.getLong("bench.latencyMillis", 25);
    static final int[] TEAMS = Arrays.stream(
                    System.getProperty("bench.teams", "5,10,20,40,60").split(","))
            .mapToInt(s -> Integer.parseInt(s.strip()))
            .filter(n -> n <= MEMBERS)
            .toArray();
    static final int RL_DAYS = Integer.getInteger("bench.rl.days", 21);
    static final int RL_PER_MINUTE = Integer.getInteger("bench.rl.perMinute", 50);
    static final double RL_SCALE = Double.parseDouble(System.getProperty("bench.rl.timeScale", "0.2"));

    static SlackWorkspaceBench pg;
    static LocalDate from;
    static LocalDate to;

    @BeforeAll
    static void start() {
        // data begins before the range by the thread look-back and a little more
        var spec = SlackWorkspaceBench.spec(MEMBERS, CHANNELS, DAYS + 20, PER_MEMBER_DAY, THREAD_EVERY, 7);
        pg = SlackWorkspaceBench.start(spec, true);
        to = pg.lastDay();
        from = to.minusDays(DAYS - 1L);
        System.out.printf(
                "%nSlack workspace: %d people, %d channels (%d synced), %,d messages (top-level and replies)"
                        + " over %d days; sync range %s..%s (%d days); fake Slack latency %d ms per call%n",
                pg.workspace.people().size(),
                pg.workspace.channels().size(),
                pg.syncedChannels().size(),
                pg.workspace.messageCount(),
                spec.days(),
                from,
                to,
                DAYS,
                LATENCY);
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    record Point(int members, long calls, double ratio, long perMember, double seconds, long units) {}

    @Test
    @Order(1)
    @DisplayName("1+2: calls vs the minimum as the team grows, the per-member approach, a repeat sync")
    void callsAsTheTeamGrows() throws Exception {
        pg.fake.latency(Duration.ofMillis(LATENCY));
        Minimum min = pg.minimum(from, to);
        System.out.printf(
                "minimum calls = history pages %d + threads with replies in range %d + list pages %d = %d"
                        + " (and %d threads begun in range whose replies all came after it)%n",
                min.historyPages(), min.threads(), min.listPages(), min.total(), min.threadsReplyAfterRange());

        // the per-member approach, measured: one from-scratch pass for a single member
        pg.forgetSlackData();
        pg.fake.resetCounts();
        Job single = pg.sync(pg.team.subList(0, 1), from, to);
        assertThat(single.state()).as(single.errors()).isEqualTo("succeeded");
        long pass = pg.fake.totalCalls();
        long passLists = pg.listCalls();
        System.out.printf("one member's pass over every channel: %d calls (%s)%n", pass, pg.fake.callsByMethod());

        System.out.println("members | calls | ratio to minimum (target <= 1.1) | per-member approach calls"
                + " (N x pass + lists) | per-member / ours | sync s | work units");
        List<Point> curve = new ArrayList<>();
        for (int size : TEAMS) {
            pg.forgetSlackData();
            pg.fake.resetCounts();
            Job job = pg.sync(pg.team.subList(0, size), from, to);
            assertThat(job.state()).as(job.errors()).isEqualTo("succeeded");
            long calls = pg.fake.totalCalls();
            long perMember = size * (pass - passLists) + passLists;
            var p = new Point(
                    size, calls, (double) calls / min.total(), perMember, job.seconds(), pg.rows("work_units"));
            curve.add(p);
            System.out.printf(
                    "%7d | %5d | %.3f | %,d | %.1fx | %.1f | %,d%n",
                    p.members(),
                    p.calls(),
                    p.ratio(),
                    p.perMember(),
                    (double) p.perMember() / p.calls(),
                    p.seconds(),
                    p.units());
        }
        long lo = curve.stream().mapToLong(Point::calls).min().orElseThrow();
        long hi = curve.stream().mapToLong(Point::calls).max().orElseThrow();
        System.out.printf(
                "curve: calls from %d to %d across team sizes %s (flat when equal)%n", lo, hi, Arrays.toString(TEAMS));
        curve.forEach(p -> assertThat(p.ratio()).isLessThanOrEqualTo(1.1));

        // 2: a repeat sync of the largest team with nothing new
        long messages = pg.rows("slack_messages");
        long units = pg.rows("work_units");
        long mentions = pg.rows("slack_mentions");
        pg.fake.resetCounts();
        Job repeat = pg.sync(pg.team.subList(0, TEAMS[TEAMS.length - 1]), from, to);
        long calls = pg.fake.totalCalls();
        long target = min.channels() + pg.listCalls();
        System.out.printf(
                "repeat sync, nothing new: %d calls (target <= channels %d + list pages %d = %d) %s; %.1f s%n",
                calls, min.channels(), pg.listCalls(), target, pg.fake.callsByMethod(), repeat.seconds());
        System.out.printf(
                "re-sync added rows: slack_messages %d, slack_mentions %d, work_units %d (target 0)%n",
                pg.rows("slack_messages") - messages,
                pg.rows("slack_mentions") - mentions,
                pg.rows("work_units") - units);
        assertThat(calls).isLessThanOrEqualTo(target);
        assertThat(pg.rows("slack_messages")).isEqualTo(messages);
        assertThat(pg.rows("work_units")).isEqualTo(units);
    }

    @Test
    @Order(2)
    @DisplayName("4: wall time under Slack's rate limits vs the floor the limits impose")
    void wallTimeUnderRateLimits() throws Exception {
        LocalDate rlFrom = to.minusDays(RL_DAYS - 1L);
        pg.forgetSlackData();
        pg.fake.latency(Duration.ofMillis(LATENCY));
        pg.fake.timeScale(RL_SCALE);
        for (String method : List.of("conversations.history", "conversations.replies")) {
            pg.fake.rateLimit(method, RL_PER_MINUTE); // Tier 3
        }
        pg.fake.rateLimit("conversations.list", 20); // Tier 2
        pg.fake.rateLimit("users.list", 20);
        pg.fake.resetCounts();
        Job job = pg.sync(pg.team.subList(0, Math.min(5, pg.team.size())), rlFrom, to);
        assertThat(job.state()).as(job.errors()).isEqualTo("succeeded");
        Map<String, Long> byMethod = pg.fake.callsByMethod();
        double windowSeconds = 60 * RL_SCALE;
        double perSecond = RL_PER_MINUTE / windowSeconds;
        long history = byMethod.getOrDefault("conversations.history", 0L);
        long replies = byMethod.getOrDefault("conversations.replies", 0L);
        long refusedHistory = pg.fake.refusedCalls("conversations.history");
        long refusedReplies = pg.fake.refusedCalls("conversations.replies");
        // the fake counts the calls it answered 429 too; the floor counts only the answered ones
        long busiest = Math.max(history - refusedHistory, replies - refusedReplies);
        double floor = busiest / perSecond;
        long windows = (busiest + RL_PER_MINUTE - 1) / RL_PER_MINUTE;
        double strictFloor = (windows - 1) * windowSeconds;
        System.out.printf(
                "rate limits (scaled x%.2f: %d calls per %.0f s for history and replies): range %d days, calls %s%n",
                RL_SCALE, RL_PER_MINUTE, windowSeconds, RL_DAYS, byMethod);
        System.out.printf(
                "wall %.1f s; floor = calls / rate = %d / %.2f per s = %.1f s -> ratio %.3f (target <= 1.15);"
                        + " strict fixed-window floor (%d windows - 1) x %.0f s = %.1f s -> ratio %.3f;"
                        + " answered 429: history %d, replies %d%n",
                job.seconds(),
                busiest,
                perSecond,
                floor,
                job.seconds() / floor,
                windows,
                windowSeconds,
                strictFloor,
                strictFloor > 0 ? job.seconds() / strictFloor : Double.NaN,
                refusedHistory,
                refusedReplies);
        pg.fake.timeScale(1.0);
        pg.fake.rateLimit("conversations.history", 100_000);
        pg.fake.rateLimit("conversations.replies", 100_000);
        pg.fake.rateLimit("conversations.list", 100_000);
        pg.fake.rateLimit("users.list", 100_000);
    }

    @Test
    @Order(3)
    @DisplayName(
            "5: messages stored per second through the whole pipeline, PostgreSQL and H2, and a re-sync adds nothing")
    void pipelineThroughput() throws Exception {
        var spec = pg.workspace.spec();
        try (var h2 = SlackWorkspaceBench.start(spec, false)) {
            for (SlackWorkspaceBench bench : List.of(pg, h2)) {
                bench.fake.latency(Duration.ZERO);
                bench.forgetSlackData();
                int size = Math.min(TEAMS[TEAMS.length - 1], bench.team.size());
                Job job = bench.sync(bench.team.subList(0, size), from, to);
                assertThat(job.state()).as(job.errors()).isEqualTo("succeeded");
                long messages = bench.rows("slack_messages");
                long units = bench.rows("work_units");
                Job again = bench.sync(bench.team.subList(0, size), from, to);
                System.out.printf(
                        "%s, fake Slack answering at once: %,d messages read and stored + %,d work units for %d"
                                + " members in %.1f s = %,.0f messages/s end to end (HTTP, JSON, store, attribute);"
                                + " re-sync added %d messages, %d work units (target 0)%n",
                        bench.database,
                        messages,
                        units,
                        size,
                        job.seconds(),
                        messages / job.seconds(),
                        bench.rows("slack_messages") - messages,
                        bench.rows("work_units") - units);
                assertThat(again.state()).isEqualTo("succeeded");
                assertThat(bench.rows("slack_messages")).isEqualTo(messages);
                assertThat(bench.rows("work_units")).isEqualTo(units);
            }
        }
    }
}
