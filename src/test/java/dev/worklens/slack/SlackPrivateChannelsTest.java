package dev.worklens.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.demo.FakeSlackApi;
import dev.worklens.support.ApiClient;
import dev.worklens.support.WorklensTest;
import dev.worklens.sync.SyncRange;
import dev.worklens.system.security.OperatorPrincipal;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@WorklensTest
@DisplayName("Slack scopes and private channels")
class SlackPrivateChannelsTest extends SlackSpringTest {

    static final SyncRange NOVEMBER = new SyncRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-20"));
    static final String SKIPPED = "Private channels were skipped: your Slack token lacks the groups:read scope";
    static final String HOW = "add groups:read and groups:history to the Slack app's user token scopes"
            + " (OAuth & Permissions), reinstall the app to the workspace, then sign in with Slack again";

    @Autowired
    MockMvc mvc;

    Operator operator;
    Member alice;

    @BeforeEach
    void setUp() {
        SlackTables.clear(jdbc);
        jdbc.sql("DELETE FROM sync_tasks").update();
        jdbc.sql("DELETE FROM sync_jobs").update();
        fake.clear();
        Workspace.build(fake);
        SlackTestSupport.CLOCK.set(Instant.parse("2026-11-20T12:00:00Z"));
        operator = signedInOperator();
        alice = member(operator, "U0ALICE", "alice", "Alice Anders");
    }

    Operator withToken(String token) {
        return operators.signedIn(
                new Operators.SlackIdentity("U0OLIVIA", "olivia", "Olivia Op", null, "T1", "Acme"),
                token,
                "channels:history");
    }

    List<String> channelsRead() {
        return fake.historyRequests().stream()
                .map(r -> r.split(" ")[0])
                .distinct()
                .toList();
    }

    @Test
    @DisplayName("Slack refuses private types to a token without groups:read in its documented shape")
    void fakeAnswersMissingScope() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var answer = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(fake.baseUrl() + "/api/conversations.list"))
                        .header("Authorization", "Bearer " + FakeSlackApi.TOKEN_WITHOUT_GROUPS)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "types=public_channel%2Cprivate_channel"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(answer.body());
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("error").asString()).isEqualTo("missing_scope");
        assertThat(json.get("needed").asString()).isEqualTo("groups:read");
        assertThat(List.of(json.get("provided").asString().split(",")))
                .contains("channels:read")
                .doesNotContain("groups:read", "groups:history");
    }

    @Test
    @DisplayName("a token without groups:read syncs the public channels and says how to grant the scope")
    void withoutGroupsRead() throws Exception {
        Operator limited = withToken(FakeSlackApi.TOKEN_WITHOUT_GROUPS);
        var run = sync(limited, NOVEMBER, alice);

        var task = run.task(alice);
        assertThat(task.failure).isNull();
        assertThat(task.total).isEqualTo(3); // general, daily-standup, gone: no secret
        assertThat(task.items).isPositive();
        assertThat(channelsRead())
                .contains(Workspace.GENERAL, Workspace.STANDUP)
                .doesNotContain(Workspace.SECRET);
        // the refused list is asked again with public channels only, not once per page
        assertThat(fake.calls("conversations.list")).isEqualTo(2);
        assertThat(run.notes).singleElement().asString().contains(SKIPPED).contains(HOW);

        mvc.perform(get("/sync").with(as(limited)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(SKIPPED)))
                .andExpect(content().string(containsString("reinstall the app to the workspace")));
    }

    @Test
    @DisplayName(
            "a token with groups:read but without groups:history skips the private channels it lists, with the note")
    void withoutGroupsHistory() throws Exception {
        Operator limited = withToken(FakeSlackApi.TOKEN_WITHOUT_GROUPS_HISTORY);
        var run = sync(limited, NOVEMBER, alice);

        var task = run.task(alice);
        assertThat(task.failure).isNull();
        assertThat(task.total).isEqualTo(4); // secret is listed, then refused
        assertThat(task.done).isEqualTo(4);
        assertThat(task.items).isPositive();
        assertThat(channelsRead()).contains(Workspace.GENERAL, Workspace.STANDUP);
        assertThat(run.notes)
                .singleElement()
                .asString()
                .contains("Private channels were skipped: your Slack token lacks the groups:history scope")
                .contains(HOW);
    }

    @Test
    @DisplayName("a sync job run by the engine carries the skipped-private-channels note")
    void jobNote() throws Exception {
        withToken(FakeSlackApi.TOKEN_WITHOUT_GROUPS);
        var api = new ApiClient(mvc);
        String answer = api.post(
                        "/api/syncs",
                        "{\"operator\":\"U0OLIVIA\",\"members\":\"me\",\"sources\":[\"slack\"],"
                                + "\"from\":\"2026-11-01\",\"to\":\"2026-11-20\"}")
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = new ObjectMapper().readTree(answer).get("id").asLong();
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            job[0] = new ObjectMapper()
                    .readTree(api.get("/api/syncs/{id}", id)
                            .andReturn()
                            .getResponse()
                            .getContentAsString());
            return List.of("succeeded", "failed", "cancelled")
                    .contains(job[0].get("state").asString());
        });
        assertThat(job[0].get("state").asString()).isEqualTo("succeeded");
        assertThat(job[0].get("note").asString()).contains(SKIPPED).contains(HOW);
    }

    @Test
    @DisplayName("private channels conversations.list returns are synced whether or not is_member is set")
    void privateWithoutIsMember() throws Exception {
        fake.channel("G0QUIET", "quiet-private", true, false);
        fake.post("G0QUIET", Workspace.ts("2026-11-05T09:00:00Z"))
                .user("U0ALICE")
                .text("private design notes");

        var run = sync(operator, NOVEMBER, alice);

        assertThat(run.task(alice).failure).isNull();
        assertThat(run.task(alice).total).isEqualTo(5); // general, daily-standup, secret, gone, quiet-private
        assertThat(channelsRead()).contains("G0QUIET", Workspace.SECRET).doesNotContain(Workspace.RANDOM);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_units WHERE member_id = ? AND title LIKE ?")
                        .params(alice.id(), "private design notes%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(run.notes).isEmpty();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(Operator op) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                new OperatorPrincipal(op.id(), op.slackUserId(), op.name()),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
    }
}
