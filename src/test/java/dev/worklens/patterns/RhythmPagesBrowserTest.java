package dev.worklens.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.support.Browser;
import dev.worklens.team.Member;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 16 in a real browser: the report's Working rhythm panel and the team health page show
 * known figures and the heat map, and nothing on them sticks out of its box or the window, at
 * 1,400 and at 390 px wide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DisplayName("Working rhythm and team health in a real browser")
class RhythmPagesBrowserTest {

    static final String NOV = "from=2026-11-01&to=2026-11-30";

    /**
     * What overflows: table cells whose content sticks out sideways (outside a scrolling wrapper's
     * own scroll), and any element wider than the window when the page itself scrolls sideways.
     */
    static final String OVERFLOWING = "var bad = [];"
            + " document.querySelectorAll('#working-rhythm td, #rhythm-table td, #review-matrix td').forEach(function (td) {"
            + "   var c = td.getBoundingClientRect();"
            + "   td.querySelectorAll('*').forEach(function (e) { var r = e.getBoundingClientRect();"
            + "     if (r.width > 0 && (r.right > c.right + 1 || r.left < c.left - 1)) bad.push(e.tagName + ':' + e.textContent); });"
            + " });"
            + " if (document.documentElement.scrollWidth > window.innerWidth + 1) bad.push('page scrolls sideways: '"
            + "   + document.documentElement.scrollWidth + ' > ' + window.innerWidth);"
            + " return bad.join(' | ');";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    ChromeDriver browser;
    Member kiri;
    Member nev;

    @BeforeEach
    void start() {
        Browser.assumeAvailable();
        var fx = new RhythmFixtures(context);
        fx.clear();
        kiri = fx.member("Kiri", "kiri", "Pacific/Kiritimati");
        nev = fx.memberNeverSynced("Nev", "nev", "Europe/Berlin");
        fx.event(kiri, "discussion", "2026-11-04T12:30:00Z"); // Thu 02:30 local: after hours, late night
        fx.event(kiri, "discussion", "2026-11-02T19:00:00Z"); // Tue 09:00 local
        fx.event(kiri, "discussion", "2026-10-20T19:00:00Z"); // the period before
        fx.event(nev, "discussion", "2026-11-03T21:00:00Z"); // 22:00 local
        fx.pr("acme/api", 1, "kiri", "2026-11-02T10:00:00Z");
        fx.review("acme/api", 1, "nev", "APPROVED", "2026-11-02T12:00:00Z");
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @DisplayName("the rhythm panel shows known figures, the heat map, and says when the period before was never synced")
    void rhythmPanel() throws Exception {
        for (int width : new int[] {1400, 390}) {
            browser.manage().window().setSize(new Dimension(width, 1200));
            browser.get("http://127.0.0.1:" + port + "/reports/" + kiri.id() + "?" + NOV);
            var panel = browser.findElement(By.id("working-rhythm"));
            assertThat(panel.getText()).contains("Pacific/Kiritimati").contains("50.0 %");
            assertThat(panel.findElements(By.cssSelector("table.heat tbody tr")))
                    .hasSize(7);
            assertThat(panel.findElements(By.cssSelector("table.heat td[title='Thu 02:00–02:59: 1 event']")))
                    .hasSize(1);
            assertThat(panel.findElements(By.id("rhythm-previous-not-synced"))).isEmpty();
            assertThat(overflowing()).as("overflow at %d px", width).isEmpty();
            shot("rhythm-" + width, "working-rhythm");

            browser.get("http://127.0.0.1:" + port + "/reports/" + nev.id() + "?" + NOV);
            assertThat(browser.findElement(By.id("rhythm-previous-not-synced")).getText())
                    .contains("nothing to compare with");
            assertThat(browser.findElement(By.cssSelector("table.rhythm-figures"))
                            .getText())
                    .contains("not synced")
                    .doesNotContain("↑");
            assertThat(overflowing()).as("overflow at %d px", width).isEmpty();
            shot("rhythm-not-synced-" + width, "working-rhythm");
        }
    }

    @Test
    @DisplayName("the team health page shows the rhythm table, who reviews whom, and fits at 1,400 and 390 px")
    void healthPage() throws Exception {
        for (int width : new int[] {1400, 390}) {
            browser.manage().window().setSize(new Dimension(width, 1200));
            browser.get("http://127.0.0.1:" + port + "/reports/health?" + NOV);
            new WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(d -> !d.findElements(By.id("rhythm-table")).isEmpty());
            String rows = browser.findElement(By.id("rhythm-table")).getText();
            assertThat(rows).contains("Kiri").contains("Nev").contains("Pacific/Kiritimati");
            // Nev was never synced for October; the operator, never synced at all, is not on the page
            assertThat(browser.findElement(By.id("previous-not-synced")).getText())
                    .contains("1 of 2");
            assertThat(browser.findElements(By.cssSelector("#rhythm-table svg.spark")))
                    .hasSize(2);
            assertThat(browser.getPageSource()).contains("review-matrix");
            assertThat(overflowing()).as("overflow at %d px", width).isEmpty();
            shot("health-" + width, "rhythm");
        }
    }

    private String overflowing() {
        return (String) browser.executeScript(OVERFLOWING);
    }

    /** A screenshot with the element of that id scrolled to the top of the window. */
    private void shot(String name, String id) throws Exception {
        browser.executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
        var dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
