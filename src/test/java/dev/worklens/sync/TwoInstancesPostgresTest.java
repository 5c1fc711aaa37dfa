package dev.worklens.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklens.support.PostgresServer;
import dev.worklens.sync.schedule.ScheduleDispatcher;
import dev.worklens.sync.schedule.Schedules;
import dev.worklens.team.Operators;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Two Worklens instances on one PostgreSQL database, as behind a load balancer. */
@DisplayName("Two instances on one PostgreSQL")
class TwoInstancesPostgresTest {

    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void start() {
        String url = PostgresServer.newDatabaseUrl();
        String[] fast = {
            "--worklens.sync.schedule-check-interval=200ms",
            "--worklens.sync.heartbeat-interval=200ms",
            "--worklens.sync.dead-after=3s"
        };
        a = Instances.start(url, "postgres", "postgres", fast);
        b = Instances.start(url, "postgres", "postgres", fast);
    }

    @AfterAll
    static void stop() {
        for (var c : List.of(a, b)) {
            Instances.slack(c).release(1000);
            c.close();
        }
    }

    void reset(ScriptedSource.Mode mode) {
        for (var c : List.of(a, b)) {
            Instances.slack(c).reset(mode, 2);
            Instances.github(c).reset(ScriptedSource.Mode.FAST, 2);
        }
    }

    int runs(long job, String source) {
        var n = ScriptedSource.RUNS.get(job + ":" + source);
        return n == null ? 0 : n.get();
    }

    @Test
    @DisplayName("a job and a due schedule each run exactly once, and a long job is not taken for dead")
    void exactlyOnce() {
        Instances.team(a, 3);
        reset(ScriptedSource.Mode.FAST);
        ScriptedSource.RUNS.clear(); // job ids repeat across the other tests' databases

        long job = Instances.start(a, "all", "slack", "github");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Instances.state(b, job).equals("succeeded"));
        assertThat(runs(job, "slack")).isEqualTo(1);
        assertThat(runs(job, "github")).isEqualTo(1);

        var operator = a.getBean(Operators.class).local();
        var schedule = a.getBean(Schedules.class)
                .create(
                        operator.id(),
                        "team",
                        List.of("slack", "github"),
                        "overview",
                        EnumSet.allOf(DayOfWeek.class),
                        LocalTime.of(7, 30),
                        ZoneId.of("Asia/Ho_Chi_Minh"),
                        7);
        Instances.jdbc(a)
                .sql("UPDATE sync_schedules SET next_run_at = next_run_at - INTERVAL '2 days' WHERE id = ?")
                .param(schedule.id())
                .update();
        // both recurring checks race, and both instances are also asked directly at the same moment
        var fromA = CompletableFuture.supplyAsync(
                () -> a.getBean(ScheduleDispatcher.class).dispatchDue());
        var fromB = CompletableFuture.supplyAsync(
                () -> b.getBean(ScheduleDispatcher.class).dispatchDue());
        CompletableFuture.allOf(fromA, fromB).join();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Instances.jdbc(b)
                        .sql("SELECT COUNT(*) FROM sync_jobs WHERE schedule_id = ? AND state = 'succeeded'")
                        .param(schedule.id())
                        .query(Long.class)
                        .single()
                        .equals(1L));
        assertThat(a.getBean(ScheduleDispatcher.class).dispatchDue().started()).isEmpty();
        assertThat(b.getBean(ScheduleDispatcher.class).dispatchDue().started()).isEmpty();
        List<Long> scheduled = Instances.jdbc(a)
                .sql("SELECT id FROM sync_jobs WHERE schedule_id = ?")
                .param(schedule.id())
                .query(Long.class)
                .list();
        assertThat(scheduled).hasSize(1);
        assertThat(runs(scheduled.get(0), "slack")).isEqualTo(1);
        assertThat(runs(scheduled.get(0), "github")).isEqualTo(1);
        var after = a.getBean(Schedules.class).find(schedule.id()).orElseThrow();
        assertThat(after.lastRunAt()).isNotNull();
        assertThat(after.nextRunAt()).isAfter(after.lastRunAt());
        assertThat(after.lastJobId()).isEqualTo(scheduled.get(0));

        // a job running longer than dead-after on one instance keeps heartbeating: the other's sweeper leaves it
        reset(ScriptedSource.Mode.GATED);
        long slow = Instances.start(b, "me", "slack");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Instances.state(a, slow).equals("running"));
        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(15))
                .until(() -> Instances.state(a, slow).equals("running"));
        Instances.slack(a).release(10);
        Instances.slack(b).release(10);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Instances.state(a, slow).equals("succeeded"));
        assertThat(runs(slow, "slack")).isEqualTo(1);
    }
}
