package dev.worklens.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.support.ApiClient;
import dev.worklens.support.WorklensTest;
import dev.worklens.sync.engine.InterruptedJobs;
import dev.worklens.sync.engine.JobView;
import dev.worklens.system.db.Rows;
import dev.worklens.team.Member;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;

/** Jobs left running by a process that died, as another instance's sweeper sees them. */
@WorklensTest
@Import(TestSources.class)
@DisplayName("Interrupted-job sweeper")
class InterruptedJobsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Operators operators;

    @Autowired
    Roster roster;

    @Autowired
    InterruptedJobs sweeper;

    List<Member> members;

    @BeforeEach
    void setUp() {
        members = new SyncFixture(new ApiClient(mvc), jdbc, operators, roster).team(1);
    }

    long runningJob(String runner, Instant heartbeat) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sync_jobs (operator_id, state, members_spec, sources, range_from, range_to, github_mode,"
                        + " runner, heartbeat_at, created_at, started_at) VALUES (?, 'running', 'all', 'slack',"
                        + " DATE '2026-11-01', DATE '2026-11-20', 'overview', ?, ?, ?, ?)")
                .params(
                        members.get(0).operatorId(),
                        runner,
                        Rows.utc(heartbeat),
                        Rows.utc(heartbeat),
                        Rows.utc(heartbeat))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        for (Member m : members) {
            jdbc.sql("INSERT INTO sync_tasks (job_id, member_id, source, state, done, total, active_key, updated_at)"
                            + " VALUES (?, ?, 'slack', 'running', 2, 5, ?, ?)")
                    .params(id, m.id(), m.id() + ":slack:" + runner, Rows.utc(heartbeat))
                    .update();
        }
        return id;
    }

    @Test
    @DisplayName("a job whose runner stopped heartbeating is failed as interrupted; a live runner's job is left alone")
    void marksOnlyDeadRunners() {
        long dead = runningJob("dead-host-1", Instant.now().minusSeconds(3600));
        long alive = runningJob("live-host-2", Instant.now());

        // the app's own periodic sweep may have marked it a moment earlier: either way, only the dead one
        assertThat(sweeper.sweep()).isSubsetOf(dead);

        var deadJob = jdbc.sql("SELECT state, note, finished_at FROM sync_jobs WHERE id = ?")
                .param(dead)
                .query()
                .singleRow();
        assertThat(deadJob.get("state")).isEqualTo("failed");
        assertThat(deadJob.get("note")).isEqualTo(JobView.INTERRUPTED);
        assertThat(deadJob.get("finished_at")).isNotNull();
        var tasks = jdbc.sql("SELECT state, error, done, active_key FROM sync_tasks WHERE job_id = ?")
                .param(dead)
                .query()
                .listOfRows();
        assertThat(tasks).hasSize(members.size()).allSatisfy(task -> {
            assertThat(task.get("state")).isEqualTo("failed");
            assertThat(task.get("error"))
                    .isEqualTo("interrupted: the server stopped; run the sync again to continue from where it stopped");
            assertThat(task.get("done")).isEqualTo(2);
            assertThat(task.get("active_key")).isNull();
        });

        assertThat(jdbc.sql("SELECT state FROM sync_jobs WHERE id = ?")
                        .param(alive)
                        .query(String.class)
                        .single())
                .isEqualTo("running");
        assertThat(jdbc.sql("SELECT state FROM sync_tasks WHERE job_id = ?")
                        .param(alive)
                        .query(String.class)
                        .list())
                .containsOnly("running");
    }
}
