package dev.worklens.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklens.sync.engine.JobView;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The job runner stops mid-job (the whole application is closed while a source is between
 * pages); a new application on the same database finds the job interrupted, and a re-run
 * completes without duplicating what the first run stored.
 */
abstract class RestartContract {

    abstract String url();

    abstract String user();

    abstract String password();

    /** What a process killed mid-job leaves: a running job and task, heartbeat a minute old. */
    static long leftByKilledProcess(ConfigurableApplicationContext c) {
        var jdbc = Instances.jdbc(c);
        long operator = jdbc.sql("SELECT id FROM operators").query(Long.class).single();
        long member = jdbc.sql("SELECT MIN(id) FROM members").query(Long.class).single();
        var stale = dev.worklens.system.db.Rows.utc(java.time.Instant.now().minusSeconds(60));
        jdbc.sql("INSERT INTO sync_jobs (operator_id, state, members_spec, sources, range_from, range_to,"
                        + " github_mode, runner, heartbeat_at, created_at, started_at) VALUES (?, 'running', 'all',"
                        + " 'github', DATE '2026-11-01', DATE '2026-11-20', 'overview', 'killed-host', ?, ?, ?)")
                .params(operator, stale, stale, stale)
                .update();
        long id = jdbc.sql("SELECT MAX(id) FROM sync_jobs").query(Long.class).single();
        jdbc.sql("INSERT INTO sync_tasks (job_id, member_id, source, state, active_key, updated_at)"
                        + " VALUES (?, ?, 'github', 'running', ?, ?)")
                .params(id, member, member + ":github", stale)
                .update();
        return id;
    }

    @Test
    @DisplayName("a job stopped mid-way is marked interrupted after restart, and a re-run completes without duplicates")
    void restartMidJob() {
        long job;
        long crashed;
        ConfigurableApplicationContext first = Instances.start(url(), user(), password());
        try {
            Instances.team(first, 2);
            Instances.slack(first).reset(ScriptedSource.Mode.GATED, 3);
            job = Instances.start(first, "all", "slack");
            Instances.slack(first).release(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> Instances.workUnits(first) == 3);
            crashed = leftByKilledProcess(first);
        } finally {
            first.close();
        }

        ConfigurableApplicationContext second = Instances.start(url(), user(), password());
        try {
            JobView stopped = Instances.jobs(second).job(job).orElseThrow();
            assertThat(stopped.state()).isEqualTo(SyncState.FAILED);
            assertThat(stopped.note()).isEqualTo(JobView.INTERRUPTED);
            assertThat(stopped.tasks()).hasSize(3).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(SyncState.FAILED);
                assertThat(t.error())
                        .isEqualTo("interrupted: the server stopped; run the sync again to continue from where it"
                                + " stopped");
            });
            assertThat(Instances.workUnits(second)).isEqualTo(3);
            // a killed process cannot mark anything: the start-up sweep finds its stale heartbeat
            JobView killed = Instances.jobs(second).job(crashed).orElseThrow();
            assertThat(killed.state()).isEqualTo(SyncState.FAILED);
            assertThat(killed.tasks())
                    .singleElement()
                    .satisfies(t -> assertThat(t.error()).startsWith("interrupted: the server stopped"));

            Instances.slack(second).reset(ScriptedSource.Mode.FAST, 3);
            long rerun = Instances.start(second, "all", "slack");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Instances.state(second, rerun).equals("succeeded"));
            assertThat(Instances.workUnits(second)).isEqualTo(3 * 3);
            List<JobView.TaskView> tasks =
                    Instances.jobs(second).job(rerun).orElseThrow().tasks();
            assertThat(tasks).hasSize(3).allSatisfy(t -> assertThat(t.items()).isEqualTo(3));
        } finally {
            second.close();
        }
    }
}
