package dev.worklens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.support.Browser;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DisplayName("Team page in a real browser")
class TeamPageBrowserTest {

    @LocalServerPort
    int port;

    WebDriver browser;

    @BeforeEach
    void start() {
        // .ci/run installs Chromium; a developer machine without it skips rather than fails
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
    @DisplayName("a manager adds a member by hand, edits the GitHub login and sees a clear error for a bad one")
    void addAndEdit() {
        browser.get("http://127.0.0.1:" + port + "/team");
        browser.findElement(By.cssSelector("details summary")).click();
        browser.findElement(By.cssSelector("form[action='/team/members'] input[name=displayName]"))
                .sendKeys("Ana <b>Bold</b>");
        browser.findElement(By.cssSelector("form[action='/team/members'] input[name=githubLogin]"))
                .sendKeys("ana-dev");
        browser.findElement(By.cssSelector("form[action='/team/members'] button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "added"));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).contains("Ana <b>Bold</b> added.");

        var row = browser.findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.findElements(By.cssSelector("input[name=githubLogin]")).stream()
                        .anyMatch(i -> "ana-dev".equals(i.getAttribute("value"))))
                .findFirst()
                .orElseThrow();
        var login = row.findElement(By.cssSelector("input[name=githubLogin]"));
        login.clear();
        login.sendKeys("-not valid-");
        row.findElement(By.xpath(".//button[text()='Save']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.errors li")));
        assertThat(browser.findElement(By.cssSelector("ul.errors")).getText()).contains("GitHub login");
    }
}
