package dev.worklens.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.demo.FakeGitHubApi;
import dev.worklens.demo.FakeGitHubData;
import dev.worklens.support.ApiClient;
import dev.worklens.support.WorklensTest;
import dev.worklens.system.retry.VirtualTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** PRODUCT.md §3: a GitHub login is checked with GET /users/{login} when a person sets it. */
@DisplayName("GitHub logins are checked when set")
class GitHubLoginCheckTest {

    static final FakeGitHubApi GITHUB = FakeGitHubApi.start(
            new FakeGitHubData().user("DonVo").user("lan-tran"),
            "",
            new VirtualTime(Instant.parse("2026-12-01T06:00:00Z")).clock());

    @AfterAll
    static void stop() {
        GITHUB.close();
    }

    abstract static class RosterSetUp {
        @Autowired
        MockMvc mvc;

        @Autowired
        JdbcClient jdbc;

        @Autowired
        Operators operators;

        @Autowired
        dev.worklens.team.Roster roster;

        ApiClient api;
        Member don;

        @BeforeEach
        void setUp() {
            api = new ApiClient(mvc);
            jdbc.sql("DELETE FROM members").update();
            jdbc.sql("DELETE FROM operators").update();
            Operator local = operators.local();
            don = roster.add(local.id(), new MemberFields(null, "Don", null, null, null))
                    .member();
        }

        String teamPageHtml() throws Exception {
            return mvc.perform(get("/team")).andReturn().getResponse().getContentAsString();
        }
    }

    @Nested
    @WorklensTest
    @DisplayName("with a GitHub token")
    class WithToken extends RosterSetUp {

        @DynamicPropertySource
        static void github(DynamicPropertyRegistry registry) {
            registry.add("GITHUB_PAT", () -> FakeGitHubApi.TOKEN);
            registry.add("GITHUB_API_URL", GITHUB::apiUrl);
        }

        @Test
        @DisplayName("PATCH /api/members stores GitHub's spelling of the login")
        void apiStoresCanonicalSpelling() throws Exception {
            api.patch("/api/members/" + don.id(), "{\"github_login\":\"donvo\"}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.github_login").value("DonVo"));
            assertThat(GITHUB.requests).contains("GET /users/donvo");
            assertThat(roster.uncheckedLogins(don.operatorId())).isEmpty();
        }

        @Test
        @DisplayName("PATCH /api/members refuses an unknown login with 422 naming it, and keeps the old one")
        void apiRefusesUnknownLogin() throws Exception {
            api.patch("/api/members/" + don.id(), "{\"github_login\":\"ghost-user\"}")
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.error").value("unknown_github_login"))
                    .andExpect(jsonPath("$.message").value("GitHub user @ghost-user not found."));
            assertThat(roster.find(don.id()).orElseThrow().githubLogin()).isNull();
        }

        @Test
        @DisplayName("POST /api/members refuses an unknown login too")
        void apiCreateRefusesUnknownLogin() throws Exception {
            api.post("/api/members", "{\"display_name\":\"Ghost\",\"github_login\":\"ghost-user\"}")
                    .andExpect(status().isUnprocessableContent());
            assertThat(roster.members(don.operatorId()))
                    .extracting(Member::displayName)
                    .doesNotContain("Ghost");
        }

        @Test
        @DisplayName("the Team page saves the canonical spelling and refuses an unknown login in words")
        void teamPageChecks() throws Exception {
            mvc.perform(post("/team/members/" + don.id())
                            .param("displayName", "Don")
                            .param("githubLogin", "LAN-TRAN")
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThat(roster.find(don.id()).orElseThrow().githubLogin()).isEqualTo("lan-tran");

            mvc.perform(post("/team/members/" + don.id())
                            .param("displayName", "Don")
                            .param("githubLogin", "ghost-user")
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("errors", List.of("GitHub user @ghost-user not found.")));
            assertThat(roster.find(don.id()).orElseThrow().githubLogin()).isEqualTo("lan-tran");
            assertThat(teamPageHtml()).contains("with a GitHub login").doesNotContain(">unchecked<");
        }

        @Test
        @DisplayName("the Connect page links the operator's own login in GitHub's spelling, or says it is unknown")
        void connectPage() throws Exception {
            mvc.perform(post("/connect/github-login")
                            .param("githubLogin", "donvo")
                            .with(csrf()))
                    .andExpect(flash().attribute("flash", "Your GitHub login is now DonVo."));
            assertThat(operators.local().githubLogin()).isEqualTo("DonVo");
            mvc.perform(post("/connect/github-login")
                            .param("githubLogin", "ghost-user")
                            .with(csrf()))
                    .andExpect(flash().attribute("flashError", "GitHub user @ghost-user not found."));
            assertThat(operators.local().githubLogin()).isEqualTo("DonVo");
        }
    }

    @Nested
    @WorklensTest
    @DisplayName("without a GitHub token")
    class WithoutToken extends RosterSetUp {

        @Test
        @DisplayName("the login is stored as typed, marked unchecked, and the page says so")
        void storedUnchecked() throws Exception {
            mvc.perform(post("/team/members/" + don.id())
                            .param("displayName", "Don")
                            .param("githubLogin", "whoever")
                            .with(csrf()))
                    .andExpect(flash().attribute(
                                    "flash",
                                    org.hamcrest.Matchers.containsString("GitHub login @whoever is stored unchecked")));
            assertThat(roster.find(don.id()).orElseThrow().githubLogin()).isEqualTo("whoever");
            assertThat(roster.uncheckedLogins(don.operatorId())).containsExactly(don.id());
            assertThat(teamPageHtml()).contains(">unchecked<");
            api.patch("/api/members/" + don.id(), "{\"github_login\":\"someone-else\"}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.github_login").value("someone-else"));
        }
    }
}
