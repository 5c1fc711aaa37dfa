package dev.worklens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.bench.SlackWorkspaceBench.Job;
import dev.worklens.bench.SlackWorkspaceBench.Minimum;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Slack benchmark harness in a reduced, untimed form for the normal suite: a tiny synthetic
 * workspace, no latency, in-memory H2. It checks the harness still works and that the invariants
 * the benchmark measures hold — calls at the minimum whatever the team size, a repeat sync costing
 * a call per channel plus the lists, and no new rows — never a timing.
 */
@DisplayName("Slack benchmark harness (smoke)")
class SlackBenchSmokeTest {

    static SlackWorkspaceBench bench;
    static LocalDate from;
    static LocalDate to;

    @BeforeAll
    static void start() {
        bench = SlackWorkspaceBench.start(SlackWorkspaceBench.spec(6, 4, 40, 1.0, 3, 3), false);
        to = bench.lastDay();
        from = to.minusDays(19);
    }

    @AfterAll
    static void stop() {
        bench.close();
    }

    @Test
    @DisplayName("team syncs cost the minimum calls whatever the team size; a repeat sync adds no rows")
    void callsAndRows() throws Exception {
        Minimum min = bench.minimum(from, to);
        assertThat(min.threads()).as("the workspace has threads in range").isPositive();

        bench.forgetSlackData();
        bench.fake.resetCounts();
        Job small = bench.sync(bench.team.subList(0, 2), from, to);
        long smallCalls = bench.fake.totalCalls();

        bench.forgetSlackData();
        bench.fake.resetCounts();
        Job whole = bench.sync(bench.team, from, to);
        long wholeCalls = bench.fake.totalCalls();

        assertThat(small.state()).as(small.errors()).isEqualTo("succeeded");
        assertThat(whole.state()).as(whole.errors()).isEqualTo("succeeded");
        assertThat(wholeCalls).as("calls do not depend on the team size").isEqualTo(smallCalls);
        assertThat((double) wholeCalls / min.total()).isLessThanOrEqualTo(1.1);
        assertThat(bench.fake.calls("conversations.replies"))
                .isBetween(min.threads(), min.threads() + min.threadsReplyAfterRange());

        long messages = bench.rows("slack_messages");
        long units = bench.rows("work_units");
        assertThat(messages).isPositive();
        assertThat(units).isPositive();
        bench.fake.resetCounts();
        Job repeat = bench.sync(bench.team, from, to);
        assertThat(repeat.state()).isEqualTo("succeeded");
        assertThat(bench.fake.totalCalls()).isLessThanOrEqualTo(min.channels() + bench.listCalls());
        assertThat(bench.rows("slack_messages")).isEqualTo(messages);
        assertThat(bench.rows("work_units")).isEqualTo(units);
    }
}
