package dev.worklens.slack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.system.config.SettingsReader;
import dev.worklens.system.crypto.SecretKeys;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

@DisplayName("OAuth states kept in a session are bounded")
class OAuthStateBoundsTest {

    @Test
    @DisplayName("a thousand sign-in starts keep at most five open states, and the newest still works")
    void bounded() {
        var states = new OAuthState(
                new SecretKeys(
                        SettingsReader.read(Map.of("APP_SECRET_KEY", "bounded-nonces-secret-key-0123456789")::get)),
                Clock.systemUTC());
        var session = new MockHttpSession();
        String first = states.issue(session);
        String last = null;
        for (int i = 0; i < 1000; i++) {
            last = states.issue(session);
        }
        assertThat((Map<?, ?>) session.getAttribute("slack.oauth.issued"))
                .hasSizeLessThanOrEqualTo(OAuthState.MAX_ISSUED);
        assertThat(states.verify(first, session)).isEqualTo(OAuthState.Verdict.OTHER_SESSION);
        assertThat(states.verify(last, session)).isEqualTo(OAuthState.Verdict.VALID);
        assertThat(states.verify(last, session)).isEqualTo(OAuthState.Verdict.REPLAYED);
    }
}
