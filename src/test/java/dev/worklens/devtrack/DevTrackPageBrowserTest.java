package dev.worklens.devtrack;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.worklens.support.Browser;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(FakeServicesServer.NoWaiting.class)
@DisplayName("Dev track page in a real browser")
class DevTrackPageBrowserTest {

    static final WireMockServer FAKE = FakeServicesServer.started();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        FakeServicesServer.register(registry, FAKE);
    }

    @AfterAll
    static void stopFake() {
        FAKE.stop();
    }

    @LocalServerPort
    int port;

    WebDriver browser;

    @Autowired
    Operators operators;

    @Autowired
    Roster roster;

    @BeforeEach
    void start() {
        Browser.assumeAvailable();
        DevTrackScenario.stub(FAKE);
        long local = operators.local().id();
        if (roster.members(local).size() < 3) {
            roster.add(local, new MemberFields(null, "Don", "Don Vo", "don.vo@example.com", null));
            roster.add(local, new MemberFields(null, "Lan Tran", null, "lan@example.com", null));
        }
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @DisplayName("a manager previews, ticks every ok developer with one box, applies, and sees the results")
    void previewAndApply() throws Exception {
        browser.get("http://127.0.0.1:" + port + "/devtrack");
        browser.findElement(By.xpath("//button[text()='Fetch & preview']")).click();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("devtrack-preview")));
        assertThat(browser.findElement(By.id("dev-p-don")).getText())
                .contains("Unit testing", "Observability", "added", "- Writing tests before code");
        assertThat(browser.findElement(By.id("devtrack-summary")).getText())
                .contains("2\ndevelopers", "5\ncells to update");
        assertThat(browser.findElement(By.id("dev-p-lan")).getText()).contains("no Focus Areas heading");
        screenshot("devtrack-preview.png");
        screenshotsAtWidths("devtrack-preview");

        browser.findElement(By.cssSelector("[data-devtrack-all]")).click();
        assertThat(browser.findElement(By.cssSelector("input[value=p-don]")).isSelected())
                .isTrue();
        assertThat(browser.findElement(By.cssSelector("input[value=p-lan]")).isSelected())
                .isTrue();
        browser.findElement(By.xpath("//button[text()='Apply selected']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("devtrack-results")));
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).isEqualTo("2 of 2 developer(s) applied.");
        FAKE.verify(2, postRequestedFor(urlPathEqualTo("/v4/spreadsheets/SHEET1:batchUpdate")));
        assertThat(browser.findElement(By.id("devtrack-refreshed")).getText()).contains("Previewed again");
        screenshot("devtrack-applied.png");
    }

    /** The page at a desktop and a phone width, tall enough to hold the whole preview. */
    private void screenshotsAtWidths(String name) throws Exception {
        for (int width : new int[] {1400, 390}) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 2600));
            screenshot(name + "-" + width + ".png");
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
