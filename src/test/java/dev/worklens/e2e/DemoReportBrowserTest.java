package dev.worklens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.WorklensApplication;
import dev.worklens.demo.DemoCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The documented demo path ({@code java -jar worklens.jar demo}) started in-process with the
 * command's own arguments, on a free port and an in-memory database instead of {@code ./data/demo}:
 * the loader syncs the made-up team, and a new user opens a report and copies its summary.
 */
@DisplayName("The demo workspace in a real browser")
class DemoReportBrowserTest {

    static final String IN_MEMORY = "jdbc:h2:mem:worklens-demo-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    static DemoCommand.Demo demo;
    static ConfigurableApplicationContext app;
    static int port;
    static String key;

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    @BeforeAll
    static void startDemo() {
        port = freePort();
        // a secret of its own, or the app would write one into ./data of the working copy
        demo = DemoCommand.start(new String[] {
            "--PORT=" + port, "--APP_SECRET_KEY=" + UUID.randomUUID() + UUID.randomUUID(), "--logging.level.root=WARN"
        });
        String[] args = Arrays.stream(demo.arguments())
                .map(a -> a.startsWith("--DATABASE_URL=") ? "--DATABASE_URL=" + IN_MEMORY : a)
                .toArray(String[]::new);
        key = Arrays.stream(args)
                .filter(a -> a.startsWith("--INTERNAL_API_KEY="))
                .map(a -> a.substring("--INTERNAL_API_KEY=".length()))
                .findFirst()
                .orElseThrow();
        app = new SpringApplicationBuilder(WorklensApplication.class).run(args);
    }

    @AfterAll
    static void stopDemo() {
        if (app != null) {
            app.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @DisplayName("the demo loads its team by itself; a member's report draws both charts and copies its summary")
    void demoReport() {
        var api = new AppApi(port, key);
        JsonNode job = Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> api.get("/api/syncs"),
                        jobs -> !jobs.isEmpty()
                                && !jobs.get(0).path("state").asString().matches("queued|running"));
        assertThat(job.get(0).path("state").asString()).isEqualTo("succeeded");

        String origin = "http://localhost:" + port;
        browser.driver().get(origin + "/reports");
        // the demo's stand-in Slack signs the demo manager in and sends the browser back to this port
        browser.until(d -> d.getCurrentUrl().equals(origin + "/reports"));
        browser.driver().get(origin + "/reports");
        var members = browser.driver().findElements(By.cssSelector("a[href^='/reports/']"));
        assertThat(members).hasSizeGreaterThan(3);
        // the second row: an engineer, not the manager, with a GitHub login from the demo loader
        members.get(1).click();
        browser.until(d -> d.getCurrentUrl().matches(".*/reports/\\d+\\?.*"));

        ReportPageChecks.chartsDrawn(browser);
        assertThat(browser.driver().findElements(By.cssSelector("#prs-created a[href^='https://github.com/']")))
                .isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#activity-feed tbody tr")))
                .hasSizeGreaterThan(10);
        String summary = ReportPageChecks.copyShareSummary(browser, origin);
        assertThat(summary).contains(browser.find("h1").getText());

        // the feed pages back in time, and picking another member opens their report at once
        var newest = feedLinks();
        browser.find("#activity-next").click();
        browser.until(d -> d.getCurrentUrl().contains("after="));
        assertThat(feedLinks()).isNotEmpty().doesNotContainAnyElementsOf(newest);
        String current = browser.find("h1").getText();
        var picker = new Select(browser.find("#member-picker select[name=member]"));
        String other = picker.getOptions().stream()
                .map(WebElement::getText)
                .filter(name -> !name.equals(current))
                .reduce((first, second) -> second)
                .orElseThrow();
        picker.selectByVisibleText(other);
        browser.until(d -> d.findElement(By.cssSelector("h1")).getText().equals(other));
        ReportPageChecks.chartsDrawn(browser);
    }

    /** Each feed row links its own Slack message or GitHub item. */
    private java.util.List<String> feedLinks() {
        return browser.driver().findElements(By.cssSelector("#activity-feed tbody tr a")).stream()
                .map(a -> a.getAttribute("href"))
                .toList();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
