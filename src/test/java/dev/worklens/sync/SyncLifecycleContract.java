package dev.worklens.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.support.ApiClient;
import dev.worklens.team.Member;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** A job's life from start to end, run on H2 and PostgreSQL by the subclasses. */
abstract class SyncLifecycleContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Operators operators;

    @Autowired
    Roster roster;

    @Autowired
    @Qualifier("scriptedSlack")
    ScriptedSource slack;

    @Autowired
    @Qualifier("scriptedGithub")
    ScriptedSource github;

    SyncFixture fx;
    List<Member> members;

    @BeforeEach
    void setUp() {
        fx = new SyncFixture(new ApiClient(mvc), jdbc, operators, roster);
        members = fx.team(3);
        slack.reset(ScriptedSource.Mode.FAST, 3);
        github.reset(ScriptedSource.Mode.FAST, 3);
    }

    @AfterEach
    void releaseGates() {
        slack.release(1000);
        github.release(1000);
    }

    @Test
    @DisplayName("a job has one task per member and source, runs in the background and ends succeeded")
    void succeeds() throws Exception {
        long id = fx.start("{\"members\":\"all\",\"sources\":[\"slack\",\"github\"]}");
        JsonNode job = fx.awaitEnded(id);
        assertThat(job.get("state").asString()).isEqualTo("succeeded");
        assertThat(job.get("tasks")).hasSize(members.size() * 2);
        for (JsonNode task : job.get("tasks")) {
            assertThat(task.get("state").asString()).isEqualTo("succeeded");
            assertThat(task.get("done").asInt()).isEqualTo(3);
            assertThat(task.get("total").asInt()).isEqualTo(3);
            assertThat(task.get("items").asInt()).isEqualTo(3);
            assertThat(task.get("error").isNull()).isTrue();
            assertThat(task.propertyNames())
                    .containsExactlyInAnyOrder(
                            "id",
                            "member_id",
                            "member_name",
                            "source",
                            "state",
                            "done",
                            "total",
                            "items",
                            "error",
                            "started_at",
                            "finished_at");
        }
        assertThat(job.get("started_at").isNull()).isFalse();
        assertThat(job.get("finished_at").isNull()).isFalse();
        assertThat(fx.workUnits()).isEqualTo(members.size() * 2L * 3);
    }

    @Test
    @DisplayName("'me' syncs the operator, 'team' the others, ids exactly those members")
    void membersSpec() throws Exception {
        Member me = members.stream().filter(Member::isOperator).findFirst().orElseThrow();
        JsonNode mine = fx.awaitEnded(fx.start("{\"members\":\"me\",\"sources\":[\"slack\"]}"));
        assertThat(mine.get("tasks"))
                .singleElement()
                .satisfies(t -> assertThat(t.get("member_id").asLong()).isEqualTo(me.id()));
        JsonNode team = fx.awaitEnded(fx.start("{\"members\":\"team\",\"sources\":[\"slack\"]}"));
        assertThat(team.get("tasks")).hasSize(members.size() - 1);
        long other = members.get(1).id();
        JsonNode picked = fx.awaitEnded(fx.start("{\"members\":[" + other + "],\"sources\":[\"github\"]}"));
        assertThat(picked.get("tasks"))
                .singleElement()
                .satisfies(t -> assertThat(t.get("member_id").asLong()).isEqualTo(other));
    }

    @Test
    @DisplayName("progress shows while a task runs, and the job appears in the recent list")
    void progressIsVisible() throws Exception {
        slack.reset(ScriptedSource.Mode.GATED, 4);
        long id = fx.start("{\"members\":\"me\",\"sources\":[\"slack\"]}");
        fx.awaitJob(id, j -> j.get("state").asString().equals("running"));
        slack.release(1);
        JsonNode running =
                fx.awaitJob(id, j -> j.get("tasks").get(0).get("done").asInt() == 1);
        assertThat(running.get("tasks").get(0).get("total").asInt()).isEqualTo(4);
        assertThat(running.get("tasks").get(0).get("state").asString()).isEqualTo("running");
        fx.api()
                .get("/api/syncs?limit=5")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id));
        slack.release(3);
        assertThat(fx.awaitEnded(id).get("state").asString()).isEqualTo("succeeded");
    }

    @Test
    @DisplayName("a source that throws fails its open tasks with its words; the other source still succeeds")
    void failureIsIsolated() throws Exception {
        slack.reset(ScriptedSource.Mode.FAILING, 3);
        JsonNode job = fx.awaitEnded(fx.start("{\"members\":\"all\",\"sources\":[\"slack\",\"github\"]}"));
        assertThat(job.get("state").asString()).isEqualTo("failed");
        for (JsonNode task : job.get("tasks")) {
            if (task.get("source").asString().equals("slack")) {
                assertThat(task.get("state").asString()).isEqualTo("failed");
                assertThat(task.get("error").asString())
                        .isEqualTo("slack answered invalid_auth: reconnect on the Connect page")
                        .doesNotContain("Exception", "\tat ");
            } else {
                assertThat(task.get("state").asString()).isEqualTo("succeeded");
            }
        }
        assertThat(fx.workUnits()).isEqualTo(members.size() * 3L);
    }

    @Test
    @DisplayName("a member-specific failure ends that task only")
    void memberFailure() throws Exception {
        github.reset(ScriptedSource.Mode.FAIL_FIRST_MEMBER, 2);
        JsonNode job = fx.awaitEnded(fx.start("{\"members\":\"all\",\"sources\":[\"github\"]}"));
        assertThat(job.get("state").asString()).isEqualTo("failed");
        assertThat(job.get("tasks").get(0).get("error").asString()).startsWith("No GitHub login for");
        assertThat(job.get("tasks").get(1).get("state").asString()).isEqualTo("succeeded");
        assertThat(job.get("tasks").get(2).get("state").asString()).isEqualTo("succeeded");
    }

    @Test
    @DisplayName("cancel stops tasks at their next step, keeps what they stored, ends cancelled")
    void cancel() throws Exception {
        slack.reset(ScriptedSource.Mode.GATED, 5);
        long id = fx.start("{\"members\":\"all\",\"sources\":[\"slack\"]}");
        slack.release(1);
        fx.awaitJob(id, j -> j.get("tasks").get(0).get("done").asInt() == 1);
        fx.api().post("/api/syncs/{id}/cancel", "", id).andExpect(status().isAccepted());
        JsonNode job = fx.awaitEnded(id);
        assertThat(job.get("state").asString()).isEqualTo("cancelled");
        for (JsonNode task : job.get("tasks")) {
            assertThat(task.get("state").asString()).isEqualTo("cancelled");
        }
        assertThat(fx.workUnits()).isEqualTo(members.size());
        fx.api()
                .post("/api/syncs/{id}/cancel", "", id)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("already ended")));
    }

    @Test
    @DisplayName("a second sync of a member and source that is running is refused with 409; others may run")
    void refusesConcurrentSameTask() throws Exception {
        slack.reset(ScriptedSource.Mode.GATED, 2);
        long first = fx.start("{\"members\":\"me\",\"sources\":[\"slack\"]}");
        fx.api()
                .post("/api/syncs", "{\"members\":\"all\",\"sources\":[\"slack\"]}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message")
                        .value(org.hamcrest.Matchers.containsString("already running (job " + first + ")")));
        long other = fx.start("{\"members\":\"team\",\"sources\":[\"github\"]}");
        assertThat(fx.awaitEnded(other).get("state").asString()).isEqualTo("succeeded");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_jobs").query(Long.class).single())
                .isEqualTo(2);
        slack.release(2);
        assertThat(fx.awaitEnded(first).get("state").asString()).isEqualTo("succeeded");
        slack.reset(ScriptedSource.Mode.FAST, 2);
        assertThat(fx.awaitEnded(fx.start("{\"members\":\"me\",\"sources\":[\"slack\"]}"))
                        .get("state")
                        .asString())
                .isEqualTo("succeeded");
    }
}
