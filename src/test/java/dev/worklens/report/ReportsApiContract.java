package dev.worklens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.support.ApiClient;
import dev.worklens.team.Member;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** GET /api/reports/{member_id} and /summary as API.md describes them; H2 and PostgreSQL subclasses. */
abstract class ReportsApiContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ObjectMapper json;

    ApiClient api;
    ReportFixtures fx;
    Member don;

    @BeforeEach
    void setUp() {
        api = new ApiClient(mvc);
        fx = ReportFixtures.of(context);
        fx.clear();
        don = fx.member("Don Vo", "DonVo");
        fx.pr("acme/api", 1, "Add billing export", "donvo", "2026-11-02T09:00:00Z", "2026-11-03T09:00:00Z");
        fx.pr("acme/api", 10, "Fix flaky test", "ana", "2026-11-04T08:00:00Z", null);
        fx.review("acme/api", 10, "donvo", "APPROVED", "2026-11-04T10:00:00Z");
        fx.slack(don, "discussion", "authored", "eng-backend", "2026-11-05T09:00:00Z", "Shipped, \"finally\", yes");
        fx.slack(don, "standup", "authored", "standup", "2026-11-05T02:00:00Z", "=SUM(A1) yesterday");
        fx.github(
                don,
                "pull_request",
                "github:pr:acme/api#1",
                "2026-11-02T09:00:00Z",
                "Add billing export",
                "acme/api",
                "https://github.com/acme/api/pull/1");
    }

    @Test
    @DisplayName("answers exactly the keys of API.md, in snake_case")
    void shape() throws Exception {
        String body = api.get("/api/reports/{id}?from=2026-11-01&to=2026-11-30", don.id())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.member.id").value(don.id()))
                .andExpect(jsonPath("$.member.github_login").value("DonVo"))
                .andExpect(jsonPath("$.from").value("2026-11-01"))
                .andExpect(jsonPath("$.timezone").value("UTC"))
                .andExpect(jsonPath("$.pull_requests.created[0].number").value(1))
                .andExpect(jsonPath("$.pull_requests.created[0].created_at").value("2026-11-02T09:00:00Z"))
                .andExpect(jsonPath("$.pull_requests.merged", hasSize(1)))
                .andExpect(
                        jsonPath("$.pull_requests.reviewed[0].review_states[0]").value("approved"))
                .andExpect(jsonPath("$.slack.authored").value(2)) // the standup counts too
                .andExpect(jsonPath("$.slack.standups").value(1))
                .andExpect(jsonPath("$.slack.by_channel.eng-backend").value(1))
                .andExpect(jsonPath("$.github.cycle_time_hours_median").value(24.0))
                .andExpect(jsonPath("$.github.review_turnaround_hours_median").value(2.0))
                .andExpect(jsonPath("$.categories.length()").value(10))
                .andExpect(jsonPath("$.dev_track.error")
                        .value(org.hamcrest.Matchers.startsWith("Dev track is not configured")))
                .andExpect(jsonPath("$.activity", hasSize(3)))
                .andExpect(jsonPath("$.activity[0].type").value("discussion"))
                .andExpect(jsonPath("$.activity[0].channel").value("eng-backend"))
                .andExpect(jsonPath("$.activity_next").value(nullValue()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode root = json.readTree(body);
        assertThat(keys(root))
                .containsExactlyInAnyOrder(
                        "member",
                        "from",
                        "to",
                        "timezone",
                        "pull_requests",
                        "slack",
                        "github",
                        "patterns",
                        "categories",
                        "classifier",
                        "insights",
                        "dev_track",
                        "standups",
                        "standups_next",
                        "activity",
                        "activity_next");
        assertThat(keys(root.get("pull_requests").get("created").get(0)))
                .containsExactlyInAnyOrder("url", "repo", "number", "title", "created_at", "merged_at", "state");
        assertThat(keys(root.get("pull_requests").get("reviewed").get(0)))
                .containsExactlyInAnyOrder("url", "repo", "number", "title", "reviewed_at", "review_states");
        assertThat(keys(root.get("slack")))
                .containsExactlyInAnyOrder("authored", "mentioned", "standups", "thread_replies", "by_channel");
        assertThat(keys(root.get("github")))
                .containsExactlyInAnyOrder(
                        "commits", "issues", "reviews", "cycle_time_hours_median", "review_turnaround_hours_median");
        assertThat(keys(root.get("insights")))
                .containsExactlyInAnyOrder("summary", "highlights", "watch_items", "alignment");
        assertThat(keys(root.get("dev_track")))
                .containsExactlyInAnyOrder("tab", "level", "level_title", "error", "skills", "levels");
        assertThat(keys(root.get("activity").get(0)))
                .containsExactlyInAnyOrder(
                        "type", "source", "at", "title", "text", "author", "url", "category", "channel");
        assertThat(keys(root.get("standups").get(0))).containsExactlyInAnyOrder("at", "channel", "url", "text");
    }

    @Test
    @DisplayName("pages the activity with an opaque cursor and filters it")
    void paging() throws Exception {
        for (int i = 0; i < 60; i++) {
            fx.slack(don, "thread_reply", "authored", "eng", "2026-11-10T00:00:00Z", "reply " + i);
        }
        String first = api.get("/api/reports/{id}?from=2026-11-01&to=2026-11-30&type=thread_reply", don.id())
                .andExpect(jsonPath("$.activity", hasSize(50)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String next = json.readTree(first).get("activity_next").asString();
        api.get("/api/reports/{id}?from=2026-11-01&to=2026-11-30&type=thread_reply&after=" + next, don.id())
                .andExpect(jsonPath("$.activity", hasSize(10)))
                .andExpect(jsonPath("$.activity_next").value(nullValue()));
        api.get("/api/reports/{id}?from=2026-11-01&to=2026-11-30&source=github", don.id())
                .andExpect(jsonPath("$.activity", hasSize(1)))
                .andExpect(jsonPath("$.activity[0].type").value("pull_request"));
    }

    @Test
    @DisplayName("refuses bad input with 4xx and words")
    void errors() throws Exception {
        api.get("/api/reports/999999")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"));
        api.get("/api/reports/abc").andExpect(status().isBadRequest());
        bad("from=2026-13-01", "invalid_from", "2026-11-20");
        bad("from=2026-11-10&to=2026-11-01", "invalid_range", "before");
        bad("from=2023-01-01&to=2026-11-01", "invalid_range", "two years");
        bad("timezone=Mars/Olympus", "invalid_timezone", "Asia/Ho_Chi_Minh");
        bad("source=jira", "invalid_source", "slack, github");
        bad("type=meeting", "invalid_type", "standup");
        bad("category=fun", "invalid_category", "bug_fix");
        bad("after=garbage", "invalid_cursor", "without 'after'");
        api.get("/api/reports/{id}/summary?format=pdf", don.id())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_format"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/reports/{id}", don.id()))
                .andExpect(status().isUnauthorized());
    }

    private void bad(String query, String code, String words) throws Exception {
        api.get("/api/reports/{id}?" + query, don.id())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(code))
                .andExpect(jsonPath("$.message").value(containsString(words)));
    }

    @Test
    @DisplayName("defaults to the last 90 days in REPORT_TIMEZONE")
    void defaultRange() throws Exception {
        String body =
                api.get("/api/reports/{id}", don.id()).andReturn().getResponse().getContentAsString();
        var root = json.readTree(body);
        var from = java.time.LocalDate.parse(root.get("from").asString());
        var to = java.time.LocalDate.parse(root.get("to").asString());
        assertThat(java.time.temporal.ChronoUnit.DAYS.between(from, to)).isEqualTo(89);
    }

    @Test
    @DisplayName("summary as text, Markdown and CSV")
    void summaries() throws Exception {
        api.get("/api/reports/{id}/summary?from=2026-11-01&to=2026-11-30", don.id())
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/plain"))
                .andExpect(content().string(containsString("Work report: Don Vo — 2026-11-01 to 2026-11-30 (UTC)")))
                .andExpect(content().string(containsString("1 created, 1 merged, 1 reviewed")))
                .andExpect(content()
                        .string(containsString("acme/api#1 Add billing export — https://github.com/acme/api/pull/1")))
                .andExpect(content().string(containsString("1 standups")));
        api.get("/api/reports/{id}/summary?from=2026-11-01&to=2026-11-30&format=markdown", don.id())
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("# Work report: Don Vo")))
                .andExpect(content()
                        .string(containsString(
                                "[acme/api\\#1 Add billing export](https://github.com/acme/api/pull/1)")));
        String csv = api.get("/api/reports/{id}/summary?from=2026-11-01&to=2026-11-30&format=csv", don.id())
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv)
                .startsWith(
                        "at_utc,local_time,source,type,role,category,classifier,channel,repo,title,url,author,text\r\n");
        assertThat(csv).contains(",\"Shipped, \"\"finally\"\", yes\",");
        assertThat(csv).contains(",\"'=SUM(A1) yesterday\",");
        assertThat(csv.split("\r\n")).hasSize(4);
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        Iterator<String> names = node.propertyNames().iterator();
        names.forEachRemaining(keys::add);
        return keys;
    }
}
