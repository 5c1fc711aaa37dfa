package dev.worklens.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.demo.FakeApiServer;
import dev.worklens.demo.FakeSlackApi;
import dev.worklens.support.WorklensTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

@WorklensTest
@DisplayName("Sign in with Slack, through the real callback")
class SlackSignInTest extends SlackSpringTest {

    @Autowired
    MockMvc mvc;

    BrowserSession browser;

    @BeforeEach
    void setUp() {
        SlackTables.clear(jdbc);
        fake.clear();
        Workspace.build(fake);
        SlackTestSupport.CLOCK.set(Instant.parse("2026-11-20T12:00:00Z"));
        browser = new BrowserSession(mvc);
    }

    String start(BrowserSession session) throws Exception {
        String location = session.perform(get("/auth/slack/start"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return UriComponentsBuilder.fromUriString(location)
                .build()
                .getQueryParams()
                .getFirst("state");
    }

    long operatorCount() {
        return count("operators");
    }

    @Test
    @DisplayName("start redirects to Slack's authorize URL with the client id, user scopes, redirect URI and a state")
    void authorizeUrl() throws Exception {
        String location = browser.perform(get("/auth/slack/start"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var params = UriComponentsBuilder.fromUriString(location).build().getQueryParams();
        assertThat(location).startsWith(fake.baseUrl() + "/oauth/v2/authorize?");
        assertThat(params.getFirst("client_id")).isEqualTo("111.222");
        assertThat(decode(params.getFirst("user_scope")))
                .isEqualTo("channels:history,channels:read,groups:history,groups:read,users:read,users:read.email,"
                        + "usergroups:read");
        assertThat(decode(params.getFirst("redirect_uri"))).isEqualTo("https://worklens.test/auth/slack/callback");
        assertThat(params.getFirst("state")).isNotBlank();
    }

    @Test
    @DisplayName("the callback exchanges the code, stores the operator with the token encrypted, and signs in")
    void signsIn() throws Exception {
        String state = start(browser);
        browser.perform(get("/auth/slack/callback").param("code", "good-code").param("state", decode(state)))
                .andExpect(redirectedUrl("/connect"))
                .andExpect(flash().attribute("flash", "Signed in with Slack as olivia in Acme."));
        var operator = operators.findBySlackUserId("U0OLIVIA").orElseThrow();
        assertThat(operator.teamId()).isEqualTo("T1");
        assertThat(operators.slackToken(operator.id())).contains(FakeSlackApi.TOKEN);
        assertThat(jdbc.sql("SELECT token_ciphertext FROM operators")
                        .query(String.class)
                        .single())
                .doesNotContain(FakeSlackApi.TOKEN);
        assertThat(roster.members(operator.id())).singleElement().satisfies(m -> {
            assertThat(m.isOperator()).isTrue();
            assertThat(m.email()).isEqualTo("olivia@acme.test");
        });
        browser.perform(get("/connect"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Workspace: Acme (T1)")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Token: valid")));
    }

    @Test
    @DisplayName("after signing in, the browser lands on the page it first asked for")
    void landsOnTheFirstPage() throws Exception {
        browser.perform(get("/reports?from=2026-11-01&to=2026-11-20")).andExpect(status().is3xxRedirection());
        String state = start(browser);
        browser.perform(get("/auth/slack/callback").param("code", "good-code").param("state", decode(state)))
                .andExpect(redirectedUrl("/reports?from=2026-11-01&to=2026-11-20"));
    }

    @Test
    @DisplayName("signing in again replaces the token; signing out ends the session")
    void signInAgain() throws Exception {
        String first = start(browser);
        browser.perform(get("/auth/slack/callback").param("code", "good-code").param("state", decode(first)))
                .andExpect(redirectedUrl("/connect"));
        fake.validCode("second-code", "xoxp-second-token");
        String second = start(browser);
        browser.perform(get("/auth/slack/callback").param("code", "second-code").param("state", decode(second)))
                .andExpect(redirectedUrl("/connect"));
        assertThat(operatorCount()).isEqualTo(1);
        var operator = operators.findBySlackUserId("U0OLIVIA").orElseThrow();
        assertThat(operators.slackToken(operator.id())).contains("xoxp-second-token");

        browser.perform(post("/auth/sign-out").with(csrf())).andExpect(redirectedUrl("/auth/signed-out"));
        browser.perform(get("/auth/signed-out"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("You are signed out.")));
        browser.perform(get("/connect")).andExpect(status().is3xxRedirection());
    }

    @Nested
    @DisplayName("refuses, stores nothing and says why, when")
    class Refusals {

        void refused(String state, String code, BrowserSession session, String words) throws Exception {
            var request = get("/auth/slack/callback");
            if (state != null) request.param("state", state);
            if (code != null) request.param("code", code);
            session.perform(request)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(words)));
            assertThat(operatorCount()).isZero();
        }

        @Test
        @DisplayName("the state was tampered with")
        void tampered() throws Exception {
            String state = decode(start(browser));
            String altered = state.substring(0, state.length() - 2) + (state.endsWith("A") ? "BB" : "AA");
            refused(altered, "good-code", browser, "altered");
            refused("not-a-state", "good-code", browser, "altered");
            String[] parts = state.split("\\.");
            long later = Long.parseLong(parts[1]) + 3600;
            refused(parts[0] + "." + later + "." + parts[2], "good-code", browser, "altered");
        }

        @Test
        @DisplayName("the state expired after 10 minutes")
        void expired() throws Exception {
            String state = decode(start(browser));
            SlackTestSupport.CLOCK.set(Instant.parse("2026-11-20T12:00:00Z").plus(Duration.ofMinutes(11)));
            refused(state, "good-code", browser, "expired");
        }

        @Test
        @DisplayName("the state was already used")
        void replayed() throws Exception {
            String state = decode(start(browser));
            refused(state, null, browser, "no authorization code"); // uses the state up
            refused(state, "good-code", browser, "already used");
        }

        @Test
        @DisplayName("the flow was started in another browser session")
        void otherSession() throws Exception {
            String state = decode(start(browser));
            refused(state, "good-code", new BrowserSession(mvc), "another browser");
        }

        @Test
        @DisplayName("the person declined the Slack permissions")
        void accessDenied() throws Exception {
            String state = decode(start(browser));
            browser.perform(get("/auth/slack/callback")
                            .param("error", "access_denied")
                            .param("state", state))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("declined")));
            assertThat(operatorCount()).isZero();
        }

        @Test
        @DisplayName("Slack refused the code exchange")
        void failedExchange() throws Exception {
            refused(decode(start(browser)), "stale-code", browser, "invalid_code");
        }

        @Test
        @DisplayName("Slack could not be reached for the exchange")
        void unreachable() throws Exception {
            fake.script("oauth.v2.access", FakeApiServer.Fault.DROP);
            refused(decode(start(browser)), "good-code", browser, "unreachable");
        }
    }

    @Test
    @DisplayName("a signed-in browser sees a refusal on the Connect page, and its sign-in stays")
    void refusalWhenSignedIn() throws Exception {
        String state = decode(start(browser));
        browser.perform(get("/auth/slack/callback").param("code", "good-code").param("state", state))
                .andExpect(redirectedUrl("/connect"));
        browser.perform(get("/auth/slack/callback").param("code", "good-code").param("state", state))
                .andExpect(redirectedUrl("/connect"))
                .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.containsString("already used")));
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.worklens.slack.auth.SlackTokenCheck tokenCheck;

    @Test
    @DisplayName("the daily auth.test signs out an operator Slack deactivated, at their next request")
    void dailyTokenCheck() throws Exception {
        String state = decode(start(browser));
        browser.perform(get("/auth/slack/callback").param("code", "good-code").param("state", state))
                .andExpect(redirectedUrl("/connect"));
        assertThat(tokenCheck.checkAll()).isZero();
        fake.methodError("auth.test", "account_inactive");
        try {
            assertThat(tokenCheck.checkAll()).isEqualTo(1);
        } finally {
            fake.clearMethodError("auth.test");
        }
        browser.perform(get("/team")).andExpect(redirectedUrl("/auth/signed-out?reason=revoked"));
    }

    static String decode(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
