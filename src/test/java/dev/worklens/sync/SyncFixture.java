package dev.worklens.sync;

import static org.awaitility.Awaitility.await;

import dev.worklens.support.ApiClient;
import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Operator, members and API helpers for sync tests; works on any context. */
public record SyncFixture(ApiClient api, JdbcClient jdbc, Operators operators, Roster roster) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Empties the sync tables and roster and makes the local operator with {@code n} team members. */
    public List<Member> team(int n) {
        jdbc.sql("DELETE FROM sync_tasks").update();
        jdbc.sql("DELETE FROM sync_jobs").update();
        jdbc.sql("DELETE FROM sync_schedules").update();
        jdbc.sql("DELETE FROM work_units").update();
        jdbc.sql("DELETE FROM insights").update();
        jdbc.sql("DELETE FROM members").update();
        jdbc.sql("DELETE FROM operators").update();
        Operator operator = operators.local();
        for (int i = 1; i <= n; i++) {
            roster.add(operator.id(), new MemberFields("U" + i, "Engineer " + i, null, null, "eng" + i));
        }
        return roster.members(operator.id());
    }

    public Operator operator() {
        return operators.local();
    }

    public long start(String body) throws Exception {
        String answer = api.post("/api/syncs", body).andReturn().getResponse().getContentAsString();
        JsonNode node = JSON.readTree(answer);
        if (!node.has("id")) {
            throw new AssertionError("no job started: " + answer);
        }
        return node.get("id").asLong();
    }

    public JsonNode job(long id) throws Exception {
        return JSON.readTree(
                api.get("/api/syncs/{id}", id).andReturn().getResponse().getContentAsString());
    }

    public JsonNode awaitJob(long id, Predicate<JsonNode> done) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    last[0] = job(id);
                    return done.test(last[0]);
                });
        return last[0];
    }

    public JsonNode awaitEnded(long id) {
        return awaitJob(
                id,
                j -> List.of("succeeded", "failed", "cancelled")
                        .contains(j.get("state").asString()));
    }

    public long workUnits() {
        return jdbc.sql("SELECT COUNT(*) FROM work_units").query(Long.class).single();
    }
}
