package dev.worklens.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.support.Browser;
import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSources.class)
@DisplayName("Schedules for chosen members and one member's cleanup, in a real browser")
class MemberCleanupBrowserTest {

    /** Form controls in the given sections that overlap one another: empty when none do. */
    static final String OVERLAPPING = "var bad = []; var els = [];"
            + " arguments[0].forEach(function (sel) { document.querySelectorAll(sel + ' input, ' + sel + ' select, '"
            + "   + sel + ' button, ' + sel + ' a[role=button], ' + sel + ' td').forEach(function (e) {"
            + "   if (e.checkVisibility && !e.checkVisibility()) return;"
            + "   var r = e.getBoundingClientRect(); if (r.width > 0 && r.height > 0) els.push([e, r]); }); });"
            + " for (var i = 0; i < els.length; i++) for (var j = i + 1; j < els.length; j++) {"
            + "   var a = els[i][1], b = els[j][1];"
            + "   if (els[i][0].contains(els[j][0]) || els[j][0].contains(els[i][0])) continue;"
            + "   if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)"
            + "     bad.push(els[i][0].outerHTML.slice(0, 60) + ' x ' + els[j][0].outerHTML.slice(0, 60)); }"
            + " if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)"
            + "   bad.push('page scrolls sideways: ' + document.documentElement.scrollWidth);"
            + " return bad.join(' | ');";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Operators operators;

    @Autowired
    Roster roster;

    WebDriver browser;
    List<Member> members;
    Member don;

    @BeforeEach
    void start() {
        Browser.assumeAvailable();
        members = new SyncFixture(null, jdbc, operators, roster).team(2);
        jdbc.sql("DELETE FROM github_pull_requests").update();
        don = roster.add(operators.local().id(), new MemberFields("U0DON", "Don Vo", null, null, "don-new"))
                .member();
        // a pull request synced while Don's login was still DonVo, and the work unit it became
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO github_pull_requests (repo, number, title, url, author_login, author_key, state,"
                        + " created_at, stored_at) VALUES ('acme/api', 7, 'Faster sync', 'https://github.test/acme/api/pull/7',"
                        + " 'DonVo', 'donvo', 'open', ?, ?)")
                .params(now, now)
                .update();
        jdbc.sql("INSERT INTO work_units (member_id, source, kind, role, source_key, occurred_at, title, content_hash,"
                        + " updated_at) VALUES (?, 'github', 'pull_request', 'authored', 'github:pr:acme/api#7', ?,"
                        + " 'Faster sync', 'h', ?)")
                .params(don.id(), now, now)
                .update();
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @Test
    @DisplayName("a manager schedules two members, sees them named, previews Don's old-login data and deletes it")
    void scheduleAndCleanUp() throws Exception {
        browser.manage().window().setSize(new Dimension(1400, 1000));
        browser.get("http://127.0.0.1:" + port + "/sync");
        browser.findElement(By.xpath("//summary[text()='Add a schedule']")).click();
        var form = browser.findElement(By.cssSelector("form[action='/sync/schedules']"));
        var boxes = form.findElements(By.cssSelector("input[name=memberIds]"));
        boxes.get(0).click();
        boxes.get(2).click();
        assertThat(form.findElement(By.cssSelector("input[name=who][value=pick]"))
                        .isSelected())
                .as("ticking a member picks 'these members'")
                .isTrue();
        form.findElement(By.xpath(".//button[text()='Save schedule']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "first runs"));
        String covers =
                browser.findElement(By.cssSelector("#schedules tbody td")).getText();
        assertThat(covers).contains(", ").doesNotContain("Everyone");
        assertThat(jdbc.sql("SELECT members_spec FROM sync_schedules")
                        .query(String.class)
                        .single())
                .contains(",");
        shots("sync-schedules");

        new Select(browser.findElement(By.cssSelector("#member-cleanup select[name=member]")))
                .selectByVisibleText("Don Vo");
        browser.findElement(By.cssSelector("#member-cleanup input[value=old_logins]"))
                .click();
        browser.findElement(By.xpath("//button[text()='Preview what would be deleted']"))
                .click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cleanup-preview")));
        assertThat(browser.findElement(By.cssSelector("#cleanup-preview tbody")).getText())
                .contains("@DonVo")
                .contains("1");
        shots("member-cleanup-preview");

        browser.findElement(By.xpath("//button[text()='Delete this data']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Deleted 1"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_units WHERE member_id = ?")
                        .param(don.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void shots(String name) throws Exception {
        for (int width : new int[] {1400, 390}) {
            browser.manage().window().setSize(new Dimension(width, 2400));
            ((JavascriptExecutor) browser)
                    .executeScript("var e = document.querySelector('#schedules, #cleanup-preview');"
                            + " if (e) e.scrollIntoView();");
            String overlapping = (String) ((JavascriptExecutor) browser)
                    .executeScript(OVERLAPPING, List.of("#schedules", "#member-cleanup", "#cleanup-preview"));
            Path target = Path.of("target", "screenshots", name + "-" + width + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            assertThat(overlapping).as("overlaps at " + width + " px").isEmpty();
        }
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }
}
