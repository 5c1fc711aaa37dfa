package dev.worklens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.demo.SyntheticWorkspace.Person;
import dev.worklens.demo.SyntheticWorkspace.PullRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@DirtiesContext
@DisplayName("A manager's first session in a real browser")
class ManagerJourneyBrowserTest {

    static final StandIns STAND_INS = StandIns.serving(StandIns.smallTeam());
    static final int SYNC_DAYS = 30;
    static final Set<String> FINISHED = Set.of("succeeded", "failed", "skipped", "cancelled");

    /** Each task's source, state and "done / total", and the job's state, as the page shows them now. */
    static final String SYNC_SNAPSHOT = """
            var job = document.querySelector('#jobs article.sync-job');
            if (!job) return null;
            var rows = Array.from(job.querySelectorAll('tr[data-task]')).map(function (tr) {
              var cells = tr.querySelectorAll('td');
              var bar = tr.querySelector('progress');
              return [cells[0].textContent.trim(), cells[1].textContent.trim(), cells[2].textContent.trim(),
                      bar && bar.hasAttribute('value') ? bar.value : 'indeterminate',
                      tr.querySelector('small').textContent.trim()].join('|');
            });
            return job.querySelector('header .pill').textContent.trim() + '#' + rows.join(';');
            """;

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
    @DisplayName(
            "signs in with Slack, imports the team, syncs with live progress, opens a report and copies its summary")
    void firstSession() {
        String app = STAND_INS.appUrl();
        Person manager = STAND_INS.workspace.manager();
        Person engineer = STAND_INS.workspace.people().get(1);

        // the first visit goes through Slack's consent screen (the stand-in approves at once)
        browser.driver().get(app + "/");
        browser.until(d -> d.getCurrentUrl().endsWith("/connect"));
        assertThat(browser.find(".flash").getText())
                .isEqualTo("Signed in with Slack as " + manager.displayName() + " in Acme Engineering.");

        importWholeTeam();
        setGithubLogin(engineer);
        syncAndWatchProgress();

        browser.driver().findElement(By.linkText("Work report")).click();
        browser.until(d -> d.findElement(By.linkText(engineer.displayName()))).click();
        browser.until(d -> d.getCurrentUrl().contains("/reports/"));
        assertThat(browser.find("h1").getText()).isEqualTo(engineer.displayName());
        ReportPageChecks.chartsDrawn(browser);
        assertThat(shownLinks("#prs-created a")).isEqualTo(createdInSync(engineer));
        assertThat(shownLinks("#prs-reviewed a")).isNotEmpty().allMatch(url -> url.startsWith("https://github.com/"));
        String summary = ReportPageChecks.copyShareSummary(browser, app);
        assertThat(summary).contains(engineer.displayName());

        // Sign out is a CSRF-protected form in the footer; afterwards pages need Slack again
        browser.find("form[action='/auth/sign-out'] button").click();
        browser.until(d -> d.getCurrentUrl().endsWith("/auth/signed-out"));
        assertThat(browser.find(".flash").getText()).isEqualTo("You are signed out.");
        browser.find("a[href='/auth/slack/start']").click();
        browser.until(d -> d.getCurrentUrl().endsWith("/connect"));
    }

    private void importWholeTeam() {
        browser.driver().findElement(By.linkText("Team")).click();
        browser.until(d -> d.findElement(By.cssSelector("#import input[name=slackUserIds]")));
        List<WebElement> people = browser.driver().findElements(By.cssSelector("#import input[name=slackUserIds]"));
        // the manager is on their own roster already; everyone else of the workspace is offered
        assertThat(people).hasSize(STAND_INS.workspace.people().size());
        for (WebElement box : people) {
            if (box.isEnabled() && !box.isSelected()) {
                box.click();
            }
        }
        browser.find("#import button[type=submit]").click();
        int engineers = STAND_INS.workspace.people().size() - 1;
        browser.until(d -> d.findElements(By.cssSelector(".flash")).stream()
                .anyMatch(f -> f.getText().equals(engineers + " member(s) added.")));
        assertThat(browser.driver().findElements(By.cssSelector("tbody tr[id^=member-]")))
                .hasSize(STAND_INS.workspace.people().size());
    }

    private void setGithubLogin(Person engineer) {
        WebElement row = rowOf(engineer);
        WebElement login = row.findElement(By.cssSelector("input[name=githubLogin]"));
        login.clear();
        login.sendKeys(engineer.githubLogin());
        row.findElement(By.xpath(".//button[text()='Save']")).click();
        browser.until(d -> d.findElements(By.cssSelector(".flash")).stream()
                .anyMatch(f -> f.getText().equals(engineer.displayName() + " saved.")));
        assertThat(rowOf(engineer)
                        .findElement(By.cssSelector("input[name=githubLogin]"))
                        .getAttribute("value"))
                .isEqualTo(engineer.githubLogin());
    }

    private WebElement rowOf(Person person) {
        return browser.driver().findElements(By.cssSelector("tbody tr[id^=member-]")).stream()
                .filter(r -> person.displayName()
                        .equals(r.findElement(By.cssSelector("input[name=displayName]"))
                                .getAttribute("value")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(person.displayName() + " is not on the Team page"));
    }

    /**
     * Starts a Slack + GitHub sync of everyone and watches the job list: it has to show the sync
     * running and then finished, swapped in by htmx while the page itself never reloads. The
     * stand-ins answer slowly until the page has shown the sync running, so it cannot end unseen.
     */
    private void syncAndWatchProgress() {
        browser.driver().findElement(By.linkText("Sync")).click();
        WebElement days =
                browser.until(d -> d.findElement(By.cssSelector("form[action='/sync/jobs'] input[name=days]")));
        days.clear();
        days.sendKeys(String.valueOf(SYNC_DAYS));
        assertThat(browser.driver()
                        .findElements(By.cssSelector("form[action='/sync/jobs'] input[name=sources]:checked")))
                .hasSize(2);
        STAND_INS.latency(Duration.ofSeconds(1));
        browser.find("form[action='/sync/jobs'] button[type=submit]").click();
        browser.until(d -> d.findElements(By.cssSelector(".flash")).stream()
                .anyMatch(f -> f.getText().matches("Sync \\d+ started; progress shows below\\.")));
        browser.script("window.worklensSameDocument = true;");

        Set<String> seen = new LinkedHashSet<>();
        String last = browser.until(d -> {
            String now = (String) browser.script(SYNC_SNAPSHOT);
            if (now == null) {
                return null;
            }
            seen.add(now);
            if (!jobEnded(now)) {
                STAND_INS.latency(Duration.ZERO); // seen running: let it finish at full speed
                return null;
            }
            return now;
        });
        STAND_INS.latency(Duration.ZERO);

        assertThat(browser.script("return window.worklensSameDocument === true;"))
                .as("the page reloaded instead of updating in place")
                .isEqualTo(true);
        assertThat(seen).as("progress snapshots").hasSizeGreaterThan(1);
        assertThat(seen.stream().filter(s -> !jobEnded(s)))
                .as("the running sync was shown")
                .isNotEmpty();
        assertThat(last).startsWith("succeeded#");
        List<String> tasks = List.of(last.substring(last.indexOf('#') + 1).split(";"));
        // four engineers and the manager, each with a Slack and a GitHub task
        assertThat(tasks).hasSize(2 * STAND_INS.workspace.people().size());
        assertThat(tasks).allSatisfy(t -> assertThat(FINISHED).contains(t.split("\\|")[2]));
        assertThat(tasks)
                .filteredOn(t -> t.split("\\|")[1].equals("slack"))
                .hasSize(STAND_INS.workspace.people().size())
                .allSatisfy(t -> assertThat(t.split("\\|")[2]).isEqualTo("succeeded"));
        assertThat(tasks)
                .filteredOn(
                        t -> t.startsWith(STAND_INS.workspace.people().get(1).displayName() + "|github|"))
                .singleElement()
                .satisfies(t -> assertThat(t.split("\\|")[2]).isEqualTo("succeeded"));
    }

    private static boolean jobEnded(String snapshot) {
        String state = snapshot.substring(0, snapshot.indexOf('#'));
        if (!FINISHED.contains(state)) {
            return false;
        }
        return List.of(snapshot.substring(snapshot.indexOf('#') + 1).split(";")).stream()
                .allMatch(t -> FINISHED.contains(t.split("\\|")[2]));
    }

    private List<String> shownLinks(String css) {
        List<String> urls = new ArrayList<>();
        for (WebElement a : browser.driver().findElements(By.cssSelector(css))) {
            urls.add(a.getAttribute("href"));
        }
        return urls.stream().sorted().toList();
    }

    /**
     * The engineer's pull requests the sync stored (opened or merged in the synced days) that the
     * report's default 90 days show as created, as GitHub links.
     */
    private static List<String> createdInSync(Person engineer) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate syncFrom = today.minusDays(SYNC_DAYS - 1L);
        LocalDate reportFrom = today.minusDays(89);
        return STAND_INS.workspace.pullRequests().stream()
                .filter(pr -> pr.authorLogin().equals(engineer.githubLogin()))
                .filter(pr -> !day(pr.createdAt()).isBefore(syncFrom)
                        || (pr.mergedAt() != null && !day(pr.mergedAt()).isBefore(syncFrom)))
                .filter(pr -> !day(pr.createdAt()).isBefore(reportFrom))
                .map(ManagerJourneyBrowserTest::link)
                .sorted()
                .toList();
    }

    private static LocalDate day(java.time.Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static String link(PullRequest pr) {
        return "https://github.com/" + pr.repo() + "/pull/" + pr.number();
    }
}
