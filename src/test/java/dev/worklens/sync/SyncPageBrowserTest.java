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
}
