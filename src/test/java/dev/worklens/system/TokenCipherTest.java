package dev.worklens.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklens.system.config.SettingsReader;
import dev.worklens.system.crypto.SecretKeys;
import dev.worklens.system.crypto.TokenCipher;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tokens at rest")
class TokenCipherTest {

    private static TokenCipher cipher(String secret) {
        return new TokenCipher(new SecretKeys(SettingsReader.read(Map.of("APP_SECRET_KEY", secret)::get)));
    }

    @Test
    @DisplayName("round-trip, and the stored form does not contain the token")
    void roundTrip() {
        var cipher = cipher("s".repeat(40));
        String sealed = cipher.encrypt("xoxp-very-secret");
        assertThat(sealed).doesNotContain("xoxp").startsWith("v1:");
        assertThat(cipher.decrypt(sealed)).isEqualTo("xoxp-very-secret");
        assertThat(cipher.encrypt("xoxp-very-secret")).isNotEqualTo(sealed);
    }

    @Test
    @DisplayName("cannot be read with another key or after tampering")
    void otherKey() {
        String sealed = cipher("s".repeat(40)).encrypt("xoxp-very-secret");
        assertThatThrownBy(() -> cipher("t".repeat(40)).decrypt(sealed))
                .isInstanceOf(TokenCipher.TokenUnreadableException.class);
        String tampered = sealed.substring(0, sealed.length() - 4) + "AAAA";
        assertThatThrownBy(() -> cipher("s".repeat(40)).decrypt(tampered))
                .isInstanceOf(TokenCipher.TokenUnreadableException.class);
    }
}
