package dev.worklens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.demo.SyntheticWorkspace.Person;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@DirtiesContext
@DisplayName("Team import search and Disconnect Slack in a real browser")
class ImportAndDisconnectBrowserTest {

    static final StandIns STAND_INS = StandIns.serving(StandIns.smallTeam());

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        STAND_INS.register(registry);
    }

    @AfterAll
    static void stopStandIns() {
        STAND_INS.close();
    }

    @Test
    @DisplayName("the search box narrows the workspace's people, one is added with a checked GitHub login, then"
            + " Disconnect signs out and keeps the roster")
    void importSearchThenDisconnect() throws Exception {
        String app = STAND_INS.appUrl();
        Person engineer = STAND_INS.workspace.people().get(2);
        browser.driver().get(app + "/");
        browser.until(d -> d.getCurrentUrl().endsWith("/connect"));

        browser.driver().findElement(By.linkText("Team")).click();
        browser.until(d -> d.findElement(By.id("import-search")));
        int everyone = visibleRows().size();
        assertThat(everyone).isEqualTo(STAND_INS.workspace.people().size());

        // by part of the e-mail address, as typed, without leaving the page
        String part = engineer.email().substring(0, engineer.email().indexOf('@'));
        browser.find("#import-search").sendKeys(part.toUpperCase());
        browser.until(d -> visibleRows().size() == 1);
        assertThat(visibleRows().get(0).getText()).contains(engineer.displayName());
        shoot("team-import-search");

        WebElement row = visibleRows().get(0);
        row.findElement(By.cssSelector("input[name=slackUserIds]")).click();
        row.findElement(By.cssSelector("input[name^=githubLogin_]"))
                .sendKeys(engineer.githubLogin().toLowerCase());
        browser.find("#import-people button[type=submit]").click();
        browser.until(d -> d.findElements(By.cssSelector(".flash")).stream()
                .anyMatch(f -> f.getText().equals("1 member(s) added, 1 with a GitHub login.")));
        // stored in GitHub's own spelling, as GET /users/{login} answered it
        assertThat(
                        browser
                                .driver()
                                .findElements(By.cssSelector("tbody tr[id^=member-] input[name=githubLogin]"))
                                .stream()
                                .map(i -> i.getAttribute("value")))
                .contains(engineer.githubLogin());
        assertThat(browser.find("#team-size").getText())
                .isEqualTo("2 on the roster (you included), 1 with a GitHub login.");
        shoot("team-after-import");

        browser.driver().findElement(By.linkText("Connect accounts")).click();
        browser.until(d -> d.findElement(By.cssSelector("form[action='/connect/slack/disconnect'] button")));
        shoot("connect");
        browser.find("form[action='/connect/slack/disconnect'] button").click();
        browser.until(d -> d.getCurrentUrl().contains("/auth/signed-out"));
        assertThat(browser.find(".flash").getText())
                .startsWith("Slack is disconnected")
                .contains("roster and synced data stay");

        // signing in again finds the roster as it was
        browser.find("a[href='/auth/slack/start']").click();
        browser.until(d -> d.getCurrentUrl().endsWith("/connect"));
        browser.driver().findElement(By.linkText("Team")).click();
        browser.until(d -> d.findElement(By.id("team-size")));
        assertThat(browser.find("#team-size").getText()).startsWith("2 on the roster");
    }

    private List<WebElement> visibleRows() {
        return browser.driver().findElements(By.cssSelector("#import-people tbody tr")).stream()
                .filter(WebElement::isDisplayed)
                .toList();
    }

    /** Screenshots of the changed pages at a desktop and a phone width, for a person to look at. */
    private void shoot(String name) throws Exception {
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        var window = browser.driver().manage().window();
        Dimension before = window.getSize();
        for (int width : new int[] {1400, 390}) {
            window.setSize(new Dimension(width, 1600));
            Files.write(
                    folder.resolve(name + "-" + width + ".png"),
                    ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        }
        window.setSize(before);
    }
}
