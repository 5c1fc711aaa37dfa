package dev.worklens.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.slack.client.SlackApiError;
import dev.worklens.slack.ingest.SlackPreferences;
import dev.worklens.support.Browser;
import dev.worklens.team.Operators;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DisplayName("Sync page: private channels skipped for a missing scope, in a real browser")
class SlackScopeNoteBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Operators operators;

    @Autowired
    SlackPreferences preferences;

    WebDriver browser;

    @BeforeEach
    void start() {
        Browser.assumeAvailable();
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @DisplayName("the note names the scope and the steps, and wraps inside the page at 1400 and 390 px")
    void noteReadableAtBothWidths() throws Exception {
        String note = SlackApiError.of(
                        "conversations.list",
                        "missing_scope",
                        "groups:read",
                        "channels:history,channels:read,users:read,users:read.email,usergroups:read")
                .privateChannelsSkipped();
        preferences.saveLastSyncNotes(operators.local().id(), note);

        for (int width : new int[] {1400, 390}) {
            browser.manage().window().setSize(new Dimension(width, 1400));
            browser.get("http://127.0.0.1:" + port + "/sync");
            var item = browser.findElement(
                    By.xpath("//*[@id='slack-panel']//li[contains(., 'Private channels were skipped')]"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", item);
            assertThat(item.getText()).contains("groups:read").contains("reinstall the app to the workspace");
            long viewport =
                    (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth");
            assertThat(item.getRect().getX() + item.getRect().getWidth())
                    .as("the note's right edge at %d px", width)
                    .isLessThanOrEqualTo((int) viewport);
            Path target = Path.of("target", "screenshots", "sync-private-channels-skipped-" + width + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }
}
