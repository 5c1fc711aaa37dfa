package dev.worklens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.support.WorklensTest;
import dev.worklens.team.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@WorklensTest
@DisplayName("Work report pages")
class ReportsPageTest {

    static final String NOV = "from=2026-11-01&to=2026-11-30";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    ReportFixtures fx;
    Member don;

    @BeforeEach
    void setUp() {
        fx = ReportFixtures.of(context);
        fx.clear();
        don = fx.member("Don Vo", "DonVo");
    }

    @Test
    @DisplayName("the team overview lists every member with counts and links to their report")
    void overview() throws Exception {
        Member ana = fx.member("Ana <b>Bold</b>", null);
        fx.pr("acme/api", 1, "Add billing export", "donvo", "2026-11-02T09:00:00Z", "2026-11-03T09:00:00Z");
        fx.slack(don, "standup", "authored", "standup", "2026-11-05T02:00:00Z", "Yesterday: billing");
        String html = mvc.perform(get("/reports?" + NOV))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("href=\"/reports/" + don.id() + "?from=2026-11-01&amp;to=2026-11-30\"");
        assertThat(html).contains("Ana &lt;b&gt;Bold&lt;/b&gt;").doesNotContain("<b>Bold</b>");
        assertThat(html).contains("no GitHub login").contains("5 Nov 2026");
        assertThat(html).contains("Last 7 days").contains("Last 90 days").contains("Team total");
        assertThat(ana.id()).isPositive();
    }

    @Test
    @DisplayName("an empty range says to start a sync")
    void emptyStates() throws Exception {
        mvc.perform(get("/reports?" + NOV)).andExpect(content().string(containsString("start a sync")));
        Member noLogin = fx.member("Bo", null);
        mvc.perform(get("/reports/{id}?" + NOV, noLogin.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No GitHub login set")))
                .andExpect(content().string(containsString("add it on the Team page")))
                .andExpect(content().string(containsString("Nothing synced in this range")))
                .andExpect(content().string(containsString("Dev track is not configured")));
    }

    @Test
    @DisplayName(
            "a member's report shows numbers, pull requests, charts data, summary and exports; Slack text is escaped")
    void memberReport() throws Exception {
        fx.pr("acme/api", 1, "Add billing export", "donvo", "2026-11-02T09:00:00Z", "2026-11-03T09:00:00Z");
        fx.pr("acme/api", 10, "Fix flaky test", "ana", "2026-11-04T08:00:00Z", null);
        fx.review("acme/api", 10, "DONVO", "APPROVED", "2026-11-04T10:00:00Z");
        fx.slack(don, "discussion", "authored", "eng", "2026-11-05T09:00:00Z", "<script>alert('x')</script> hello");
        fx.github(
                don,
                "issue",
                "github:issue:acme/api#3",
                "2026-11-06T09:00:00Z",
                "Click me",
                "acme/api",
                "javascript:alert(1)");
        String html = mvc.perform(get("/reports/{id}?" + NOV, don.id()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .doesNotContain("<script>alert")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; hello");
        assertThat(html).doesNotContain("href=\"javascript:");
        assertThat(html).contains("href=\"https://github.com/acme/api/pull/1\"").contains("Fix flaky test");
        assertThat(html).contains("data-chart=\"weekly\"").contains("data-chart-data=\"{");
        assertThat(html).contains("id=\"share-summary\"").contains("data-copy-target=\"#share-summary\"");
        assertThat(html).contains("/reports/" + don.id() + "/export?format=csv&amp;from=2026-11-01&amp;to=2026-11-30");
        assertThat(html).contains("/webjars/chart.js/dist/chart.umd.min.js").contains("/js/report.js");
        assertThat(html).contains("written by").contains("Dev track is not configured");
        assertThat(html).contains("24.0 h"); // cycle time of #1
    }

    @Test
    @DisplayName("the feed pages and filters through plain links, without JavaScript")
    void feedLinks() throws Exception {
        for (int i = 0; i < 55; i++) {
            fx.slack(don, "discussion", "authored", "eng", "2026-11-10T00:00:00Z", "message " + i);
        }
        String html = mvc.perform(get("/reports/{id}?" + NOV, don.id()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("id=\"activity-next\"");
        String next =
                html.replaceAll("(?s).*href=\"([^\"]*)\" rel=\"next\".*", "$1").replace("&amp;", "&");
        assertThat(next).contains("after=");
        String older = mvc.perform(get(next.replace("#activity", "")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(older).doesNotContain("id=\"activity-next\"").contains("Newest");
        mvc.perform(get("/reports/{id}?" + NOV + "&source=github", don.id()))
                .andExpect(content().string(containsString("Nothing matches these filters")));
    }

    @Test
    @DisplayName("bad input shows words and a 400, never a 500")
    void badInput() throws Exception {
        mvc.perform(get("/reports/{id}?from=2026-11-30&to=2026-11-01", don.id()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("swap them")));
        mvc.perform(get("/reports/{id}?" + NOV + "&category=fun", don.id()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not a category")));
        mvc.perform(get("/reports/{id}?" + NOV + "&after=forged", don.id()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("cursor")));
        mvc.perform(get("/reports?days=9999")).andExpect(status().isBadRequest());
        Member other = fx.memberOfAnotherOperator("Stranger");
        mvc.perform(get("/reports/{id}", other.id())).andExpect(status().isNotFound());
        mvc.perform(get("/reports/{id}/export?format=csv", other.id())).andExpect(status().isNotFound());
        mvc.perform(get("/reports/{id}/export?format=pdf", don.id())).andExpect(status().isBadRequest());
    }

    @Test
    @DisplayName("the member picker works as a plain form")
    void picker() throws Exception {
        mvc.perform(get("/reports?member=" + don.id() + "&" + NOV))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/reports/" + don.id() + "?from=2026-11-01&to=2026-11-30"));
    }

    @Test
    @DisplayName("exports download as Markdown and CSV")
    void exports() throws Exception {
        fx.slack(don, "discussion", "authored", "eng", "2026-11-05T09:00:00Z", "a, \"quoted\"\nline");
        mvc.perform(get("/reports/{id}/export?format=markdown&" + NOV, don.id()))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Disposition", containsString("worklens-don-vo-2026-11-01-2026-11-30.md")))
                .andExpect(content().string(containsString("# Work report: Don Vo")));
        mvc.perform(get("/reports/{id}/export?format=csv&" + NOV, don.id()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".csv")))
                .andExpect(content().string(containsString("\"a, \"\"quoted\"\"\nline\"")))
                .andExpect(content().string(not(containsString("<script"))));
    }
}
