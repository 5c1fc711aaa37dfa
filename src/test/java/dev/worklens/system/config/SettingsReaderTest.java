package dev.worklens.system.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklens.system.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Settings")
class SettingsReaderTest {

    private static Settings read(Map<String, String> values) {
        return SettingsReader.read(values::get);
    }

    private static Map<String, String> production() {
        Map<String, String> env = new HashMap<>();
        env.put("APP_ENV", "production");
        env.put("APP_SECRET_KEY", "a".repeat(32));
        env.put("INTERNAL_API_KEY", "k".repeat(16));
        env.put("DATABASE_URL", "postgresql://u:p@db.internal:5432/worklens");
        env.put("APP_BASE_URL", "https://worklens.example.com");
        env.put("SLACK_CLIENT_ID", "123.456");
        env.put("SLACK_CLIENT_SECRET", "shh");
        env.put("WORKLENS_OPERATORS", "U0MANAGER, lead@example.com");
        return env;
    }

    @Test
    @DisplayName("defaults make a zero-setup local install")
    void defaults() {
        Settings s = read(Map.of());
        assertThat(s.app().env()).isEqualTo(Settings.Env.DEVELOPMENT);
        assertThat(s.app().authMode()).isEqualTo(Settings.AuthMode.LOCAL);
        assertThat(s.app().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(s.app().port()).isEqualTo(8080);
        assertThat(s.app().reportTimezone().getId()).isEqualTo("UTC");
        assertThat(s.slack().ignoredChannels())
                .containsExactly(
                        "nimble*",
                        "*-activity",
                        "*-corner",
                        "ic-*",
                        "access-requests",
                        "vn-community",
                        "cat-place",
                        "hardware-and-machinery",
                        "badminton",
                        "ios-rss",
                        "watercooler");
        assertThat(s.slack().threadLookbackDays()).isEqualTo(14);
        assertThat(s.slack().apiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(s.anthropic().model()).isEqualTo("claude-sonnet-4-6");
        assertThat(s.github().apiUrl().toString()).isEqualTo("https://api.github.com");
        assertThat(s.app().apiKeyConfigured()).isFalse();
    }

    @Test
    @DisplayName("a configured Slack app switches sign-in to Slack")
    void slackAppMeansSlackSignIn() {
        Settings s = read(Map.of("SLACK_CLIENT_ID", "1.2", "SLACK_CLIENT_SECRET", "x"));
        assertThat(s.app().authMode()).isEqualTo(Settings.AuthMode.SLACK);
        assertThat(s.app().bindAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    @DisplayName("operator and admin lists match Slack ids and emails ignoring case")
    void accessLists() {
        Settings s = read(Map.of(
                "WORKLENS_OPERATORS", "U0LEAD, Boss@Example.com",
                "WORKLENS_ADMINS", "U0CTO",
                "SLACK_TEAM_ID", "T0ACME"));
        assertThat(s.access().listsOperator("U0LEAD", null)).isTrue();
        assertThat(s.access().listsOperator("U0OTHER", "boss@example.com")).isTrue();
        assertThat(s.access().listsOperator("U0OTHER", "other@example.com")).isFalse();
        assertThat(s.access().listsAdmin("U0CTO", null)).isTrue();
        assertThat(s.access().listsAdmin("U0LEAD", null)).isFalse();
        assertThat(s.access().slackTeamId()).isEqualTo("T0ACME");
        assertThat(read(Map.of()).access().listsOperator("anyone", null)).isTrue();
        assertThatThrownBy(() -> read(Map.of("SLACK_TEAM_ID", "acme corp"))).hasMessageContaining("SLACK_TEAM_ID");
        assertThatThrownBy(() -> read(Map.of("SLACK_IGNORED_CHANNELS", "ok, a(b")))
                .hasMessageContaining("SLACK_IGNORED_CHANNELS: 'a(b' holds '('");
    }

    @Test
    @DisplayName("no toString of the settings prints a secret")
    void secretsMasked() {
        var env = new HashMap<String, String>();
        env.put("APP_SECRET_KEY", "app-secret-value-0123456789abcdef-xyz");
        env.put("INTERNAL_API_KEY", "internal-key-value-0123");
        env.put("TOKEN_ENCRYPTION_KEY", "token-encryption-value-0123456789abcdef");
        env.put("DATABASE_URL", "postgresql://u:db-password-value@db:5432/w");
        env.put("SLACK_CLIENT_ID", "1.2");
        env.put("SLACK_CLIENT_SECRET", "slack-secret-value");
        env.put("GITHUB_PAT", "ghp_github-token-value");
        env.put("ANTHROPIC_API_KEY", "sk-ant-anthropic-value");
        env.put("NOTION_API_KEY", "ntn_notion-value");
        env.put("GOOGLE_SHEETS_CREDENTIALS_JSON", "{\"private_key\":\"google-key-value\"}");
        Settings s = read(env);
        String printed = String.join(
                "\n",
                s.toString(),
                s.app().toString(),
                s.slack().toString(),
                s.github().toString(),
                s.anthropic().toString(),
                s.google().toString(),
                s.notion().toString(),
                s.access().toString());
        assertThat(printed)
                .doesNotContain("app-secret-value")
                .doesNotContain("internal-key-value")
                .doesNotContain("token-encryption-value")
                .doesNotContain("db-password-value")
                .doesNotContain("slack-secret-value")
                .doesNotContain("github-token-value")
                .doesNotContain("anthropic-value")
                .doesNotContain("notion-value")
                .doesNotContain("google-key-value");
        assertThat(s.app().toString()).contains("secretKey=set").contains("internalApiKey=set");
    }

    @Nested
    @DisplayName("in production")
    class Production {

        @Test
        @DisplayName("starts with strong settings")
        void accepted() {
            assertThat(read(production()).app().env().isProduction()).isTrue();
        }

        @Test
        @DisplayName("lists every problem at once")
        void everyProblemAtOnce() {
            Map<String, String> env = new HashMap<>();
            env.put("APP_ENV", "production");
            env.put("APP_SECRET_KEY", "short");
            env.put("INTERNAL_API_KEY", "short");
            env.put("APP_BASE_URL", "http://worklens.example.com");
            assertThatThrownBy(() -> read(env))
                    .isInstanceOfSatisfying(
                            InvalidSettingsException.class,
                            e -> assertThat(e.problems())
                                    .anyMatch(p -> p.startsWith("APP_SECRET_KEY must be at least 32"))
                                    .anyMatch(p -> p.startsWith("INTERNAL_API_KEY must be at least 16"))
                                    .anyMatch(p -> p.startsWith("DATABASE_URL must point at PostgreSQL"))
                                    .anyMatch(p -> p.startsWith("APP_BASE_URL must start with https://"))
                                    .anyMatch(p -> p.startsWith("AUTH_MODE=local is not allowed")));
        }

        @Test
        @DisplayName("refuses a secret one character too short")
        void secretLength() {
            var env = production();
            env.put("APP_SECRET_KEY", "a".repeat(31));
            assertThatThrownBy(() -> read(env)).hasMessageContaining("APP_SECRET_KEY");
        }

        @Test
        @DisplayName("refuses an internal key one character too short")
        void apiKeyLength() {
            var env = production();
            env.put("INTERNAL_API_KEY", "k".repeat(15));
            assertThatThrownBy(() -> read(env)).hasMessageContaining("INTERNAL_API_KEY");
        }

        @Test
        @DisplayName("refuses the embedded database")
        void embeddedDatabase() {
            var env = production();
            env.remove("DATABASE_URL");
            assertThatThrownBy(() -> read(env)).hasMessageContaining("DATABASE_URL must point at PostgreSQL");
            env.put("DATABASE_URL", "jdbc:h2:file:./data/x");
            assertThatThrownBy(() -> read(env)).hasMessageContaining("DATABASE_URL must point at PostgreSQL");
        }

        @Test
        @DisplayName("refuses to start when nobody is named as an operator, and accepts '*' on purpose")
        void operatorsNamed() {
            var env = production();
            env.remove("WORKLENS_OPERATORS");
            assertThatThrownBy(() -> read(env)).hasMessageContaining("WORKLENS_OPERATORS or WORKLENS_OPERATOR_GROUPS");
            env.put("WORKLENS_OPERATOR_GROUPS", "@eng-managers");
            assertThat(read(env).access().groupHandles()).containsExactly("eng-managers");
            env.remove("WORKLENS_OPERATOR_GROUPS");
            env.put("WORKLENS_OPERATORS", "*");
            assertThat(read(env).access().restricted()).isFalse();
        }

        @Test
        @DisplayName("refuses a plain-http base URL")
        void httpsBaseUrl() {
            var env = production();
            env.put("APP_BASE_URL", "http://worklens.example.com");
            assertThatThrownBy(() -> read(env)).hasMessageContaining("APP_BASE_URL must start with https://");
        }
    }

    @Test
    @DisplayName("local sign-in refuses a non-loopback bind")
    void localNeedsLoopback() {
        assertThatThrownBy(() -> read(Map.of("AUTH_MODE", "local", "BIND_ADDRESS", "0.0.0.0")))
                .hasMessageContaining("loopback");
        assertThat(read(Map.of("AUTH_MODE", "local", "BIND_ADDRESS", "::1"))
                        .app()
                        .authMode())
                .isEqualTo(Settings.AuthMode.LOCAL);
    }

    @Test
    @DisplayName("names the setting that is wrong")
    void namesTheSetting() {
        assertThatThrownBy(() -> read(Map.of(
                        "PORT", "eighty",
                        "REPORT_TIMEZONE", "Mars/Olympus",
                        "ENABLE_AI_EXTRACTION", "maybe",
                        "SLACK_BASE_URL", "ftp://x")))
                .isInstanceOfSatisfying(
                        InvalidSettingsException.class,
                        e -> assertThat(e.problems())
                                .hasSize(4)
                                .anyMatch(p -> p.startsWith("PORT"))
                                .anyMatch(p -> p.startsWith("REPORT_TIMEZONE"))
                                .anyMatch(p -> p.startsWith("ENABLE_AI_EXTRACTION"))
                                .anyMatch(p -> p.startsWith("SLACK_BASE_URL")));
    }

    @Test
    @DisplayName("never prints secrets through toString")
    void noSecretsInToString() {
        var env = production();
        env.put("GITHUB_PAT", "ghp_secretvalue");
        env.put("ANTHROPIC_API_KEY", "sk-ant-secret");
        Settings s = read(env);
        assertThat(s.toString() + s.github() + s.anthropic() + s.app().env())
                .doesNotContain("ghp_secretvalue")
                .doesNotContain("sk-ant-secret");
    }
}
