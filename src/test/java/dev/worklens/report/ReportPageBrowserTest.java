package dev.worklens.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.support.Browser;
import dev.worklens.team.Member;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DisplayName("Work report in a real browser")
class ReportPageBrowserTest {

    // counts the canvas pixels Chart.js painted, so an empty canvas fails
    private static final String PAINTED = "var c = document.getElementById(arguments[0]);"
            + " if (!c || typeof Chart === 'undefined' || !Chart.getChart(c)) return -1;"
            + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
            + " for (var i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    ChromeDriver browser;
    Member don;

    @BeforeEach
    void start() {
        Browser.assumeAvailable();
        var fx = ReportFixtures.of(context);
        fx.clear();
        don = fx.member("Don Vo", "donvo");
        fx.pr("acme/api", 1, "Add billing export", "donvo", "2026-11-02T09:00:00Z", "2026-11-03T09:00:00Z");
        for (int day = 1; day <= 28; day++) {
            String at = "2026-11-%02dT09:00:00Z".formatted(day);
            fx.slack(don, day % 4 == 0 ? "standup" : "discussion", "authored", "eng", at, "update " + day);
            if (day % 3 == 0) {
                fx.github(don, "commit", "github:commit:acme/api@" + day, at, "fix " + day, "acme/api", null);
            }
        }
        fx.label(don, "fix%", "bug_fix", "offline");
        fx.label(don, "update%", "feature", "offline");
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @DisplayName("the charts draw and Copy copies the share summary")
    void chartsAndCopy() {
        browser.get("http://127.0.0.1:" + port + "/reports/" + don.id() + "?from=2026-11-01&to=2026-11-30");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(PAINTED, "chart-weekly")).longValue() > 0);
        long weekly = ((Number) browser.executeScript(PAINTED, "chart-weekly")).longValue();
        long mix = ((Number) browser.executeScript(PAINTED, "chart-categories")).longValue();
        assertThat(weekly).isPositive();
        assertThat(mix).isPositive();
        assertThat(browser.executeScript("return Chart.getChart(document.getElementById('chart-weekly')).config.type"))
                .isEqualTo("bar");

        var copy = browser.findElement(By.cssSelector("button[data-copy-target='#share-summary']"));
        copy.click();
        wait.until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
        assertThat(browser.findElement(By.id("share-summary")).getAttribute("value"))
                .contains("Work report: Don Vo")
                .contains("acme/api#1 Add billing export");
    }
}
