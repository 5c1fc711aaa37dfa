package dev.worklens.slack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

@DisplayName("Where a browser lands after signing in")
class SignInLandingTest {

    @Test
    @DisplayName("on the page it first asked for, kept to this server's own paths; else on Connect")
    void landing() {
        assertThat(SlackSignIn.landing(null)).isEqualTo("/connect");
        assertThat(SlackSignIn.landing(new SimpleSavedRequest("https://worklens.test/")))
                .isEqualTo("/connect");
        assertThat(SlackSignIn.landing(new SimpleSavedRequest("https://worklens.test/api/members")))
                .isEqualTo("/connect");
        assertThat(SlackSignIn.landing(new SimpleSavedRequest("https://worklens.test/auth/slack/start")))
                .isEqualTo("/connect");
        assertThat(SlackSignIn.landing(new SimpleSavedRequest("https://worklens.test/reports/7?from=2026-11-01")))
                .isEqualTo("/reports/7?from=2026-11-01");
        assertThat(SlackSignIn.landing(new SimpleSavedRequest("https://worklens.test/reports?continue")))
                .isEqualTo("/reports");
        assertThat(SlackSignIn.landing(new SimpleSavedRequest("https://evil.example//evil.example/x")))
                .isEqualTo("/connect");
    }
}
