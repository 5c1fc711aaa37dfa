package dev.worklens.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.demo.FakeGitHubApi;
import dev.worklens.demo.FakeGitHubData;
import dev.worklens.github.client.GitHubClients;
import dev.worklens.github.client.SearchPacer;
import dev.worklens.support.WorklensTest;
import dev.worklens.sync.SyncRange;
import dev.worklens.system.Settings;
import dev.worklens.system.retry.VirtualTime;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@WorklensTest
@DisplayName("GitHub on the Connect page")
class GitHubConnectTest {

    static final VirtualTime TIME = new VirtualTime(Instant.parse("2026-12-01T06:00:00Z"));
    static final FakeGitHubData DATA = new FakeGitHubData().user("DonVo").user("alice");
    static final FakeGitHubApi GITHUB = FakeGitHubApi.start(DATA, "/api/v3", TIME.clock());

    static {
        DATA.pull(
                "corp/app",
                "DonVo",
                Instant.parse("2026-11-02T10:00:00Z"),
                null,
                Instant.parse("2026-11-03T10:00:00Z"));
    }

    @DynamicPropertySource
    static void github(DynamicPropertyRegistry registry) {
        registry.add("GITHUB_PAT", () -> FakeGitHubApi.TOKEN);
        registry.add("GITHUB_API_URL", GITHUB::apiUrl);
    }

    @AfterAll
    static void stop() {
        GITHUB.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Operators operators;

    @Autowired
    Roster roster;

    @Autowired
    GitHubSource source;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        GitHubHarness.clean(jdbc);
        GITHUB.scopesHeader = "repo";
    }

    @Test
    @DisplayName("shows the token's owner and missing scopes in words, never the token, and caches the check")
    void tokenCard() throws Exception {
        GITHUB.requests.clear();
        String page = mvc.perform(get("/connect"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("The GitHub token is valid; it belongs to worklens-bot.")
                .contains("Missing scope read:org")
                .doesNotContain("Missing scope repo")
                .doesNotContain(FakeGitHubApi.TOKEN);
        mvc.perform(get("/connect")).andExpect(status().isOk());
        assertThat(GITHUB.count(r -> r.equals("GET /api/v3/user"))).isLessThanOrEqualTo(1);
    }

    @Test
    @DisplayName("the operator's own login linked there is the one their GitHub sync uses (GHES base path)")
    void linkedLoginSyncs() throws Exception {
        mvc.perform(get("/connect")).andExpect(status().isOk());
        mvc.perform(post("/connect/github-login").param("githubLogin", "DonVo").with(csrf()))
                .andExpect(status().is3xxRedirection());
        var operator = operators.all().get(0);
        var me = roster.members(operator.id()).stream()
                .filter(m -> m.isOperator())
                .findFirst()
                .orElseThrow();
        assertThat(me.githubLogin()).isEqualTo("DonVo");

        var run = new TestRun(
                new SyncRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")), "overview", me);
        source.run(run);
        assertThat(run.task(me).state).as(run.task(me).toString()).isEqualTo("running");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM work_units WHERE member_id = ? AND kind = 'pull_request'",
                        Integer.class,
                        me.id()))
                .isEqualTo(1);
    }

    @Nested
    @DisplayName("the check itself")
    class Check {
        GitHubAccountCheck check(String token) {
            var settings = new Settings.GitHub(token, URI.create(GITHUB.apiUrl()));
            var clients = new GitHubClients(
                    settings, new SearchPacer(30, Duration.ofMinutes(1), TIME), TIME, GitHubClients.Limits.defaults());
            return new GitHubAccountCheck(clients, TIME.clock());
        }

        @Test
        @DisplayName("a fine-grained token is accepted with a note about its permissions")
        void fineGrained() {
            GITHUB.scopesHeader = null;
            var status = check(FakeGitHubApi.TOKEN).check(TestRun.OPERATOR);
            assertThat(status.ok()).isTrue();
            assertThat(status.details()).anyMatch(d -> d.contains("fine-grained token"));
        }

        @Test
        @DisplayName("a bad token is reported as not valid")
        void badToken() {
            var status = check("ghp_revoked").check(TestRun.OPERATOR);
            assertThat(status.ok()).isFalse();
            assertThat(status.summary()).contains("not valid").doesNotContain("ghp_revoked");
        }

        @Test
        @DisplayName("a rate-limited check answers at once in words instead of making the page wait")
        void rateLimited() {
            GITHUB.secondaryLimitNext(1);
            var status = check(FakeGitHubApi.TOKEN).check(TestRun.OPERATOR);
            assertThat(status.ok()).isFalse();
            assertThat(status.summary()).contains("rate-limiting this token right now");
        }

        @Test
        @DisplayName("no token says which setting to set")
        void noToken() {
            var status = check(null).check(TestRun.OPERATOR);
            assertThat(status.ok()).isFalse();
            assertThat(status.summary()).contains("GITHUB_PAT");
        }

        @Test
        @DisplayName("a classic token lacking both scopes names both")
        void missingScopes() {
            GITHUB.scopesHeader = "gist";
            var status = check(FakeGitHubApi.TOKEN).check(TestRun.OPERATOR);
            assertThat(status.details())
                    .anyMatch(d -> d.startsWith("Missing scope repo"))
                    .anyMatch(d -> d.startsWith("Missing scope read:org"));
        }
    }
}
