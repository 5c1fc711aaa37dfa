package dev.worklens.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The demo stays apart from real services")
class DemoIsolationTest {

    @Test
    @DisplayName("refuses APP_ENV=production")
    void refusesProduction() {
        assertThatThrownBy(() -> DemoCommand.refuseProduction(new String[] {"--APP_ENV=production"}))
                .hasMessageContaining("does not run with APP_ENV=production");
    }

    @Test
    @DisplayName("blanks every real service setting, its key is new per run")
    void blanksRealSettings() {
        try (var first = DemoCommand.start(new String[0]);
                var second = DemoCommand.start(new String[0])) {
            List<String> args = List.of(first.arguments());
            assertThat(args)
                    .contains(
                            "--NOTION_API_KEY=",
                            "--NOTION_DEV_TRACK_DATABASE_ID=",
                            "--GOOGLE_SHEETS_CREDENTIALS_JSON=",
                            "--DEV_TRACK_SHEET_ID=",
                            "--ANTHROPIC_API_KEY=",
                            "--server.address=127.0.0.1")
                    .anyMatch(a -> a.startsWith("--DATABASE_URL=jdbc:h2:file:./data/demo/"))
                    .anyMatch(a -> a.startsWith("--GITHUB_API_URL=http://127.0.0.1"))
                    .anyMatch(a -> a.startsWith("--SLACK_BASE_URL=http://127.0.0.1"))
                    .noneMatch(a -> a.startsWith("--APP_ENV="));
            String key = args.stream()
                    .filter(a -> a.startsWith("--INTERNAL_API_KEY="))
                    .findFirst()
                    .orElseThrow();
            assertThat(List.of(second.arguments())).doesNotContain(key);
        }
    }
}
