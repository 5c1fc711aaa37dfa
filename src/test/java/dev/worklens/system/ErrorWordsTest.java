package dev.worklens.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.system.web.ApiException;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Words instead of exception text")
class ErrorWordsTest {

    @Test
    @DisplayName("in production a library's exception text is replaced by a sentence and a log reference")
    void production() {
        var leak = new IllegalStateException(new SQLException("relation \"secret_table\" does not exist at 10.0.0.5"))
                .getCause();
        String words = ErrorWords.of("the sync", leak, true);
        assertThat(words)
                .startsWith("the sync stopped with an unexpected error; the server log has the details under reference")
                .doesNotContain("secret_table")
                .doesNotContain("10.0.0.5");
        assertThat(ErrorWords.of("the sync", new RuntimeException("java.net.ConnectException: 10.0.0.5"), true))
                .doesNotContain("10.0.0.5");
    }

    @Test
    @DisplayName("Worklens's own exceptions keep their words, and development shows the first line")
    void oursAndDevelopment() {
        assertThat(ErrorWords.of("x", ApiException.badRequest("Pick between 1 and 731 days."), true))
                .isEqualTo("Pick between 1 and 731 days.");
        assertThat(ErrorWords.of("x", new SQLException("first line\nsecond line"), false))
                .isEqualTo("first line");
    }
}
