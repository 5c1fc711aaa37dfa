package dev.worklens.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklens.demo.SyntheticWorkspace;
import dev.worklens.support.Browser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A Slack message written to attack the manager's browser — a script tag, an image with an
 * {@code onerror}, a {@code javascript:} link in Slack's own link markup — goes the whole way:
 * read from (fake) Slack by a real sync, stored, and shown on the member's report in headless
 * Chromium after a real Sign in with Slack. Nothing of it runs; it reads as the text it was.
 */
@DisplayName("Hostile Slack text in a real browser")
class SlackTextInBrowserTest {

    /** As Slack's API sends it: {@code & < >} in what people typed arrive as entities, links as markup. */
    static final String HOSTILE = "&lt;script&gt;alert('slack-xss')&lt;/script&gt; &lt;img src=x"
            + " onerror=alert('img-xss')&gt; see <javascript:alert('link-xss')|the notes> &amp; \"quotes\"";

    @Test
    @DisplayName("script, onerror and javascript: links from Slack render as inert text on the report")
    void hostileSlackTextIsInert() throws Exception {
        Browser.assumeAvailable();
        var base = SyntheticWorkspace.generate(Product.SPEC);
        SyntheticWorkspace.Person author = base.people().get(1);
        String ts = Instant.parse("2026-11-10T10:00:00Z").getEpochSecond() + ".000100";
        var workspace = base.withMessage(
                "eng-backend", new SyntheticWorkspace.Message(ts, author.userId(), null, null, HOSTILE, List.of()));
        int port = ChildProcess.freePort();
        try (var product = new Product(workspace)) {
            ConfigurableApplicationContext app = product.start(
                    Product.h2Memory(),
                    "--AUTH_MODE=slack",
                    "--server.port=" + port,
                    "--APP_BASE_URL=http://127.0.0.1:" + port);
            ChromeDriver browser = null;
            try {
                Product.prepareTeam(app, workspace);
                var api = SyncApi.of(app);
                JsonNode job = api.finished(api.startedSync("all"), Duration.ofSeconds(60));
                assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("succeeded");
                long member = Product.jdbc(app)
                        .sql("SELECT id FROM members WHERE slack_user_id = ?")
                        .param(author.userId())
                        .query(Long.class)
                        .single();
                assertThat(Product.jdbc(app)
                                .sql("SELECT COUNT(*) FROM work_units WHERE member_id = ? AND source_key LIKE ?")
                                .params(member, "%:" + ts)
                                .query(Integer.class)
                                .single())
                        .isEqualTo(1);

                browser = Browser.start();
                browser.get("http://127.0.0.1:" + port + "/auth/slack/start");
                var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                wait.until(d -> !d.getCurrentUrl().contains("/auth/slack/"));
                browser.get("http://127.0.0.1:" + port + "/reports/" + member + "?from=" + Product.FIRST_DAY + "&to="
                        + Product.LAST_DAY);
                wait.until(d -> d.findElement(By.tagName("body")).getText().contains("slack-xss"));

                ChromeDriver page = browser;
                assertThatThrownBy(() -> page.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
                String text = browser.findElement(By.tagName("body")).getText();
                assertThat(text).contains("<script>alert('slack-xss')</script> <img src=x onerror=alert('img-xss')>");
                assertThat(browser.findElements(By.cssSelector("img[src='x'], img[onerror]")))
                        .isEmpty();
                assertThat(browser.findElements(By.cssSelector("a[href^='javascript:' i]")))
                        .isEmpty();
                Object injected = browser.executeScript(
                        "return Array.from(document.scripts)" + ".filter(s => s.textContent.includes('xss')).length");
                assertThat(((Number) injected).intValue()).isZero();
            } finally {
                if (browser != null) {
                    browser.quit();
                }
                app.close();
            }
        }
    }
}
