package dev.worklens.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklens.demo.SyntheticWorkspace;
import dev.worklens.demo.SyntheticWorkspace.Message;
import dev.worklens.demo.SyntheticWorkspace.Person;
import dev.worklens.system.Settings;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Slack message text built to break out of the page — script tags, event-handler attributes,
 * {@code javascript:} links — served by the stand-in Slack, synced, and shown in the report's
 * activity feed of a real browser: it must read as text and nothing of it may become markup.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@DirtiesContext
@DisplayName("Hostile Slack text in a real browser")
class HostileSlackTextBrowserTest {

    /** A Saturday before today: the synthetic team does not post at weekends, so the day holds only these. */
    static final LocalDate DAY =
            LocalDate.now(ZoneOffset.UTC).minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));

    static final SyntheticWorkspace BASE = StandIns.smallTeam();
    static final Person AUTHOR = BASE.people().get(1);
    static final Person MENTIONED = BASE.people().get(2);

    /** Text as Slack's API sends it (it escapes &, < and >), then what the feed must show. */
    static final Map<String, String> ESCAPED = Map.of(
            "&lt;script&gt;window.worklensInjected = 'script'; alert('xss')&lt;/script&gt; release notes",
            "<script>window.worklensInjected = 'script'; alert('xss')</script> release notes",
            "&lt;img src=x onerror=\"window.worklensInjected = 'img'; alert(1)\"&gt; screenshot attached",
            "<img src=x onerror=\"window.worklensInjected = 'img'; alert(1)\"> screenshot attached",
            "\"&gt;&lt;svg/onload=alert(document.domain)&gt; &amp;&amp; done",
            "\"><svg/onload=alert(document.domain)> && done",
            "Runbook: <javascript:alert(document.cookie)|open the runbook> or paste javascript:alert(2)",
            "Runbook: open the runbook or paste javascript:alert(2)",
            "Docs at <https://example.com/docs?a=1&amp;b=2|the docs> cc <!subteam^S0BACKEND|@backend-team>",
            // the plain-text title keeps a link's address beside its label, for http(s) links only
            "Docs at the docs (https://example.com/docs?a=1&b=2) cc @backend-team");

    /**
     * Raw angle brackets Slack itself never sends; a hostile server might. Slack markup reads
     * {@code <…>} as a link or mention token and shows its target, so the tags lose their brackets.
     */
    static final Map<String, String> RAW = Map.of(
            "<script>window.worklensInjected = 'raw'</script>raw script",
            "scriptwindow.worklensInjected = 'raw'/scriptraw script",
            "<img src=x onerror=alert(1)>raw image",
            "img src=x onerror=alert(1)raw image",
            "<a href=\"javascript:alert(1)\">raw link</a>",
            "a href=\"javascript:alert(1)\"raw link/a");

    static final String MENTION = "<@" + MENTIONED.userId() + "> can you check <https://x.example/pr/1|PR 1>?";

    static final StandIns STAND_INS = StandIns.serving(BASE.withMessages("eng-backend", hostileMessages()));

    @RegisterExtension
    final BrowserExtension browser = new BrowserExtension();

    @Autowired
    Settings settings;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        STAND_INS.register(registry);
    }

    @AfterAll
    static void stopStandIns() {
        STAND_INS.close();
    }

    static List<Message> hostileMessages() {
        List<String> texts = new ArrayList<>(ESCAPED.keySet());
        texts.addAll(RAW.keySet());
        texts.add(MENTION);
        long noon = DAY.atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            messages.add(new Message(noon + 60L * i + ".000100", AUTHOR.userId(), null, null, texts.get(i), List.of()));
        }
        return messages;
    }

    @Test
    @DisplayName("script, onerror and javascript: text reads literally in the activity feed and never becomes markup")
    void shownAsText() {
        browser.driver().get(STAND_INS.appUrl() + "/");
        browser.until(d -> d.getCurrentUrl().endsWith("/connect"));

        var api = new AppApi(STAND_INS.appPort, settings.app().internalApiKey());
        JsonNode added =
                api.post("/api/members", Map.of("slack_user_ids", List.of(AUTHOR.userId(), MENTIONED.userId())), 201);
        long author = memberId(added, AUTHOR);
        JsonNode job = api.post(
                "/api/syncs",
                Map.of(
                        "members",
                        "all",
                        "sources",
                        List.of("slack"),
                        "from",
                        DAY.minusDays(1).toString(),
                        "to",
                        LocalDate.now(ZoneOffset.UTC).toString()),
                202);
        assertThat(api.awaitSync(job.path("id").asLong()).path("state").asString())
                .isEqualTo("succeeded");

        browser.driver().get(STAND_INS.appUrl() + "/reports/" + author + "?from=" + DAY + "&to=" + DAY);
        browser.until(
                d -> !d.findElements(By.cssSelector("#activity-feed tbody tr")).isEmpty());
        noDialogOpened();

        List<String> shown = browser
                .driver()
                .findElements(By.cssSelector("#activity-feed tbody tr td:nth-child(3) summary > span"))
                .stream()
                .map(WebElement::getText)
                .toList();
        assertThat(shown).containsAll(ESCAPED.values());
        assertThat(shown).containsAll(RAW.values());

        assertThat(browser.script("return typeof window.worklensInjected;")).isEqualTo("undefined");
        assertThat(browser.driver()
                        .findElements(By.cssSelector("#activity-feed script, #activity-feed img,"
                                + " #activity-feed svg, #activity-feed [onerror], #activity-feed [onload]")))
                .isEmpty();
        // only the page's own scripts, all from this origin
        assertThat(browser.driver().findElements(By.cssSelector("script")))
                .allSatisfy(s -> assertThat(s.getAttribute("src")).startsWith(STAND_INS.appUrl() + "/"));
        assertThat(browser.driver().findElements(By.cssSelector("[onerror], [onload], [onclick]")))
                .isEmpty();
        assertThat(hrefs())
                .noneMatch(h -> h.strip().toLowerCase(java.util.Locale.ROOT).startsWith("javascript:"));
        // each row's own link is the message's Slack permalink; links written in a message keep
        // their address, and only http(s) ones become links at all
        assertThat(browser.driver().findElements(By.cssSelector("#activity-feed details > a")))
                .hasSize(shown.size())
                .allSatisfy(a -> assertThat(a.getAttribute("href")).startsWith("https://acme-eng.slack.com/archives/"));
        assertThat(browser.driver().findElements(By.cssSelector("#activity-feed .written-body a")))
                .extracting(a -> a.getAttribute("href"))
                .containsExactlyInAnyOrder("https://example.com/docs?a=1&b=2", "https://x.example/pr/1");

        browser.driver()
                .get(STAND_INS.appUrl() + "/reports/" + memberId(added, MENTIONED) + "?from=" + DAY + "&to=" + DAY);
        browser.until(
                d -> !d.findElements(By.cssSelector("#activity-feed tbody tr")).isEmpty());
        noDialogOpened();
        assertThat(browser.find("#activity-feed").getText())
                .contains("@" + MENTIONED.displayName() + " can you check PR 1 (https://x.example/pr/1)? — "
                        + AUTHOR.displayName());
    }

    private void noDialogOpened() {
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private List<String> hrefs() {
        List<String> all = new ArrayList<>();
        for (WebElement a : browser.driver().findElements(By.cssSelector("[href]"))) {
            all.add(a.getDomAttribute("href"));
        }
        return all;
    }

    private static long memberId(JsonNode members, Person person) {
        for (JsonNode m : members.values()) {
            if (person.userId().equals(m.path("slack_user_id").asString())) {
                return m.path("id").asLong();
            }
        }
        throw new AssertionError(person.userId() + " was not added: " + members);
    }
}
