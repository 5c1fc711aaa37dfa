package dev.worklens.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklens.support.WorklensTest;
import dev.worklens.system.config.SettingsReader;
import dev.worklens.system.crypto.SecretKeys;
import dev.worklens.system.crypto.TokenCipher;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Slack token as the application really stores it, read straight from the database the way a
 * stolen backup would be: the column holds neither the token nor an encoding of it, and the
 * ciphertext opens only with this installation's key.
 */
@WorklensTest
@DisplayName("Slack tokens in the database")
class TokensAtRestTest {

    static final String TOKEN = "xoxp-1234567890-0987654321-reliability-at-rest";

    @Autowired
    Operators operators;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("the stored column never contains the token, and another key cannot decrypt it")
    void unreadableWithoutTheKey() {
        Operator operator = operators.signedIn(
                new Operators.SlackIdentity("U0ATREST1", "At Rest", "At Rest", null, "T0ATREST", "Rest Inc"),
                TOKEN,
                "channels:history");
        String stored = jdbc.sql("SELECT token_ciphertext FROM operators WHERE id = ?")
                .param(operator.id())
                .query(String.class)
                .single();
        byte[] plain = TOKEN.getBytes(StandardCharsets.UTF_8);
        assertThat(stored)
                .isNotBlank()
                .doesNotContain(TOKEN)
                .doesNotContain("xoxp")
                .doesNotContain(Base64.getEncoder().encodeToString(plain))
                .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(plain))
                .doesNotContain(HexFormat.of().formatHex(plain));
        // nothing else in the row or any other operators column carries it either
        String row = jdbc.sql("SELECT * FROM operators WHERE id = ?")
                .param(operator.id())
                .query((rs, i) -> {
                    var all = new StringBuilder();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        all.append(rs.getString(c)).append('|');
                    }
                    return all.toString();
                })
                .single();
        assertThat(row).doesNotContain(TOKEN);

        assertThat(operators.slackToken(operator.id())).contains(TOKEN);
        var otherInstallation = new TokenCipher(new SecretKeys(
                SettingsReader.read(Map.of("APP_SECRET_KEY", "another-installation-secret-key-0123456789")::get)));
        assertThatThrownBy(() -> otherInstallation.decrypt(stored))
                .isInstanceOf(TokenCipher.TokenUnreadableException.class);
    }

    @Autowired
    TokenCipher cipher;

    @Test
    @DisplayName("a ciphertext is bound to its operator row: copied to another operator it no longer decrypts")
    void boundToTheRow() {
        Operator first = operators.signedIn(
                new Operators.SlackIdentity("U0BOUND1", "One", "One", null, "T0ATREST", "Rest Inc"), TOKEN, "");
        Operator second = operators.signedIn(
                new Operators.SlackIdentity("U0BOUND2", "Two", "Two", null, "T0ATREST", "Rest Inc"),
                "xoxp-another-token",
                "");
        String firstCiphertext = jdbc.sql("SELECT token_ciphertext FROM operators WHERE id = ?")
                .param(first.id())
                .query(String.class)
                .single();
        assertThat(firstCiphertext).startsWith("v2:");
        jdbc.sql("UPDATE operators SET token_ciphertext = ? WHERE id = ?")
                .params(firstCiphertext, second.id())
                .update();
        assertThatThrownBy(() -> operators.slackToken(second.id()))
                .isInstanceOf(TokenCipher.TokenUnreadableException.class);
        assertThat(operators.slackToken(first.id())).contains(TOKEN);
    }

    @Test
    @DisplayName("tokens stored before binding are bound at start, and none is lost")
    void unboundTokensAreBound() {
        Operator old = operators.signedIn(
                new Operators.SlackIdentity("U0OLDROW", "Old", "Old", null, "T0ATREST", "Rest Inc"), TOKEN, "");
        jdbc.sql("UPDATE operators SET token_ciphertext = ? WHERE id = ?")
                .params(cipher.encrypt(TOKEN), old.id())
                .update();
        assertThat(operators.bindStoredTokens()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT token_ciphertext FROM operators WHERE id = ?")
                        .param(old.id())
                        .query(String.class)
                        .single())
                .startsWith("v2:");
        assertThat(operators.slackToken(old.id())).contains(TOKEN);
    }
}
