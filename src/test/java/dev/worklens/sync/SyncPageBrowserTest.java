package dev.worklens.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.support.Browser;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSources.class)
@DisplayName("Sync page in a real browser")
class SyncPageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Operators operators;

    @Autowired
    Roster roster;

    @Autowired
    @Qualifier("scriptedSlack")
    ScriptedSource slack;

    @Autowired
    @Qualifier("scriptedGithub")
    ScriptedSource github;

    WebDriver browser;

    @BeforeEach
    void start() {
        Browser.assumeAvailable();
        new SyncFixture(null, jdbc, operators, roster).team(1);
        slack.reset(ScriptedSource.Mode.GATED, 3);
        github.reset(ScriptedSource.Mode.FAST, 1);
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        slack.release(100);
        if (browser != null) {
            browser.quit();
        }
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @Test
    @DisplayName("a manager starts a sync, watches the progress bars move without reloading, and cancels it")
    void startWatchCancel() {
        browser.get("http://127.0.0.1:" + port + "/sync");
        var member = browser.findElement(By.cssSelector("input[name=memberIds]"));
        member.click();
        assertThat(browser.findElement(By.cssSelector("input[name=who][value=pick]"))
                        .isSelected())
                .as("ticking a member picks 'these members'")
                .isTrue();
        member.click();
        browser.findElement(By.cssSelector("input[name=who][value=me]")).click();
        browser.findElement(By.cssSelector("input[name=sources][value=github]")).click(); // Slack only
        browser.findElement(By.xpath("//button[text()='Start sync']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "started"));
        By slackRow = By.xpath("//table[contains(@class,'sync-tasks')]//tr[td[2][text()='slack']]");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(slackRow, "0 / 3"));

        slack.release(1);
        // no reload: htmx swaps the job list while the job runs
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(slackRow, "1 / 3"));
        assertThat(browser.findElement(By.id("jobs")).getAttribute("hx-trigger"))
                .isEqualTo("every 1s");
        // htmx replaces the job table every second, so an element found a moment ago may be gone:
        // read and click inside waits that look the element up again
        String progress = waiting()
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(slackRow)
                        .findElement(By.tagName("progress"))
                        .getAttribute("value"));
        assertThat(progress).isEqualTo("33");

        waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.xpath("//button[text()='Cancel']")).click();
            return true;
        });
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Cancelling"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(slackRow, "cancelled"));
        waiting().until(d -> d.findElement(By.id("jobs")).getAttribute("hx-trigger") == null);
    }

    /** Every element inside a job-table cell stays inside that cell: -1 when none sticks out. */
    static final String OVERFLOWING = "var bad = [];"
            + " document.querySelectorAll('table.sync-tasks td').forEach(function (td) {"
            + "   var c = td.getBoundingClientRect();"
            + "   td.querySelectorAll('*').forEach(function (e) { var r = e.getBoundingClientRect();"
            + "     if (r.width > 0 && (r.right > c.right + 1 || r.left < c.left - 1)) bad.push(e.tagName + ':' + e.textContent); });"
            + " }); return bad.join(' | ');";

    @Test
    @DisplayName("the job table's progress numbers stay in their cell at 1,400 and at 390 px wide")
    void jobTableDoesNotOverlap() throws Exception {
        browser.get("http://127.0.0.1:" + port + "/sync");
        browser.findElement(By.cssSelector("input[name=who][value=me]")).click();
        browser.findElement(By.cssSelector("input[name=sources][value=github]")).click();
        browser.findElement(By.xpath("//button[text()='Start sync']")).click();
        By slackRow = By.xpath("//table[contains(@class,'sync-tasks')]//tr[td[2][text()='slack']]");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(slackRow, "0 / 3"));
        for (int width : new int[] {1400, 390}) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1000));
            String overflowing = waiting()
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> (String) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(OVERFLOWING));
            assertThat(overflowing)
                    .as("elements sticking out of job-table cells at " + width + " px")
                    .isEmpty();
            var shot = ((org.openqa.selenium.TakesScreenshot) browser)
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            var dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve("sync-" + width + ".png"), shot);
        }
    }
}
