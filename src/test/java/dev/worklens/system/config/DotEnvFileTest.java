package dev.worklens.system.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName(".env file")
class DotEnvFileTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("reads names, quotes, export and comments")
    void reads() throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, """
                # comment
                export PORT=9090
                APP_ENV = development
                KEY="line1\\nline2"
                SINGLE='a "b"'
                TRAILING=value # note
                """);
        var values = DotEnvFile.read(file);
        assertThat(values)
                .containsEntry("PORT", "9090")
                .containsEntry("APP_ENV", "development")
                .containsEntry("KEY", "line1\nline2")
                .containsEntry("SINGLE", "a \"b\"")
                .containsEntry("TRAILING", "value");
    }

    @Test
    @DisplayName("a missing file is no settings")
    void missing() {
        assertThat(DotEnvFile.read(dir.resolve("nope"))).isEmpty();
    }

    @Test
    @DisplayName("a malformed line is named")
    void malformed() throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, "PORT=1\nthis is not a setting\n");
        assertThatThrownBy(() -> DotEnvFile.read(file)).hasMessageContaining("line 2");
    }

    @Test
    @DisplayName("an unreadable file is reported")
    void unreadable() throws Exception {
        Path file = dir.resolve(".env");
        Files.createDirectory(file);
        assertThatThrownBy(() -> DotEnvFile.read(file)).hasMessageContaining("cannot be read");
    }
}
