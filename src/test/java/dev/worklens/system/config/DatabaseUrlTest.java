package dev.worklens.system.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("DATABASE_URL")
class DatabaseUrlTest {

    @Test
    @DisplayName("is the embedded H2 file under ./data when unset")
    void embeddedDefault() {
        var url = DatabaseUrl.parse(null);
        assertThat(url.jdbcUrl()).startsWith("jdbc:h2:file:./data/").contains("MODE=PostgreSQL");
        assertThat(url.isPostgres()).isFalse();
    }

    @Test
    @DisplayName("converts postgresql:// with user, password, host, port, database and ssl=require")
    void hostedUrl() {
        var url = DatabaseUrl.parse("postgresql://app:p%40ss@db.example.com:6543/worklens?ssl=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/worklens?sslmode=require");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.isPostgres()).isTrue();
    }

    @Test
    @DisplayName("accepts driver-suffixed schemes and keeps other parameters, such as a pooler's prepareThreshold=0")
    void keepsParameters() {
        var url = DatabaseUrl.parse(
                "postgresql+asyncpg://u:p@pooler:6543/db?prepareThreshold=0&ssl=require&application_name=wl");
        assertThat(url.jdbcUrl())
                .isEqualTo("jdbc:postgresql://pooler:6543/db?prepareThreshold=0&sslmode=require&application_name=wl");
    }

    @Test
    @DisplayName("defaults the port to 5432")
    void defaultPort() {
        assertThat(DatabaseUrl.parse("postgres://u@h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
    }

    @Test
    @DisplayName("passes JDBC URLs through")
    void jdbc() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:5432/db?user=x").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/db?user=x");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"mysql://u:p@h/db", "postgresql://", "postgresql://u:p@h:5432/", "jdbc:mysql://h/db", "nonsense"
            })
    @DisplayName("refuses what it cannot use, naming the setting")
    void invalid(String value) {
        assertThatThrownBy(() -> DatabaseUrl.parse(value))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("DATABASE_URL is not usable");
    }

    @Test
    @DisplayName("hides the password when printed")
    void hidesPassword() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db?password=secret").toString())
                .doesNotContain("secret");
    }
}
