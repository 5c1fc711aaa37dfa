package dev.worklens.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.support.ApiClient;
import dev.worklens.support.WorklensTest;
import dev.worklens.team.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@WorklensTest
@DisplayName("Working rhythm panel, team health page, CSV and JSON")
class PatternsWebTest {

    static final String NOV = "from=2026-11-01&to=2026-11-30";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    RhythmFixtures fx;
    Member kiri;
    Member bo;

    @BeforeEach
    void setUp() {
        fx = new RhythmFixtures(context);
        fx.clear();
        kiri = fx.member("Kiri <i>K</i>", "kiri", "Pacific/Kiritimati");
        bo = fx.member("Bo", "bo", null);
        fx.event(kiri, "discussion", "2026-11-04T12:30:00Z"); // Thu 02:30 local: after hours, late night
        fx.event(kiri, "discussion", "2026-11-02T19:00:00Z"); // Tue 09:00 local
        fx.event(kiri, "discussion", "2026-10-20T19:00:00Z"); // previous period
        fx.pr("acme/api", 1, "kiri", "2026-11-02T10:00:00Z");
        fx.review("acme/api", 1, "bo", "APPROVED", "2026-11-02T12:00:00Z");
    }

    String html(String url) throws Exception {
        return mvc.perform(get(url))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    @DisplayName("the member report shows the rhythm panel: figures, arrows, a 7 × 24 table, the zone")
    void panel() throws Exception {
        String page = html("/reports/" + kiri.id() + "?" + NOV);
        assertThat(page)
                .contains("Working rhythm")
                .contains("Pacific/Kiritimati")
                .contains("not a verdict");
        assertThat(page).contains("Thu 02:00–02:59: 1 event");
        // the busiest hour gets the full shade
        assertThat(page).contains("background-color: rgba(1, 114, 173, 1.00)");
        assertThat(page.split("<td title=\"", -1).length - 1 + page.split("class=\"after", -1).length - 1)
                .isPositive();
        assertThat(page).contains("↑").contains("50.0 %");
        assertThat(page).doesNotContain("<i>K</i>");
    }

    @Test
    @DisplayName("when no sync covered the period before, the panel, the health page, the CSV and the JSON say so")
    void previousNeverSynced() throws Exception {
        Member nev = fx.memberNeverSynced("Nev", "nev", "Europe/Berlin");
        fx.event(nev, "discussion", "2026-11-03T21:00:00Z"); // 22:00 local: after hours
        fx.event(nev, "discussion", "2026-10-20T10:00:00Z"); // stored, but no sync covered October

        String page = html("/reports/" + nev.id() + "?" + NOV);
        assertThat(page).contains("id=\"rhythm-previous-not-synced\"").contains("not synced");
        assertThat(page).doesNotContain("↑").doesNotContain("↓").doesNotContain("(+");
        String health = html("/reports/health?" + NOV);
        assertThat(health).contains("id=\"previous-not-synced\"");
        // Nev alone of Kiri, Bo and Nev: the operator, never synced, is not one of the team
        assertThat(health).contains("<span>1</span> of <span>3</span>");
        assertThat(health).doesNotContain("/reports/" + fx.operatorMember().id() + "?from=");
        new ApiClient(mvc)
                .get("/api/team/health?" + NOV)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members.length()").value(3))
                .andExpect(jsonPath("$.members[?(@.member_id == "
                                + fx.operatorMember().id() + ")]")
                        .isEmpty());
        String csv = mvc.perform(get("/reports/health.csv?" + NOV))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).contains(nev.id() + ",Nev,Europe/Berlin,1,1,1.0,0,1,1,0,,,,,,,,");
        new ApiClient(mvc)
                .get("/api/reports/{id}?" + NOV, nev.id())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.patterns.events").value(1))
                .andExpect(jsonPath("$.patterns.previous.events").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.patterns.previous.after_hours_share").value(org.hamcrest.Matchers.nullValue()));
    }

    @Test
    @DisplayName("the team health page: rhythm table, matrix, concentration; linked from the overview; CSV")
    void healthPage() throws Exception {
        assertThat(html("/reports?" + NOV)).contains("href=\"/reports/health?from=2026-11-01&amp;to=2026-11-30\"");
        String page = html("/reports/health?" + NOV);
        assertThat(page).contains("Team health").contains("Who reviews whom").contains("review-matrix");
        assertThat(page).contains("100.0 %").contains("Knowledge silos").contains("acme/api");
        assertThat(page).contains("Kiri &lt;i&gt;K&lt;/i&gt;");
        String csv = mvc.perform(get("/reports/health.csv?" + NOV))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).startsWith("member_id,member,timezone,events,after_hours,after_hours_share,");
        assertThat(csv)
                .contains(kiri.id() + ",Kiri <i>K</i>,Pacific/Kiritimati,2,1,0.5,0,2,1,1,1,0,0.0,0,1,1,0,0,1,acme/api");
        assertThat(csv).contains(bo.id() + ",Bo,UTC,0,0,0.0,0,0,0,0,0,0,0.0,0,0,0,0,1,0,acme/api");
    }

    @Test
    @DisplayName("JSON: patterns in the report, GET /api/team/health as API.md")
    void json() throws Exception {
        var api = new ApiClient(mvc);
        api.get("/api/reports/{id}?" + NOV, kiri.id())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.patterns.timezone").value("Pacific/Kiritimati"))
                .andExpect(jsonPath("$.patterns.events").value(2))
                .andExpect(jsonPath("$.patterns.after_hours").value(1))
                .andExpect(jsonPath("$.patterns.after_hours_share").value(0.5))
                .andExpect(jsonPath("$.patterns.late_night").value(1))
                .andExpect(jsonPath("$.patterns.longest_active_streak_days").value(1))
                .andExpect(jsonPath("$.patterns.previous.events").value(1));
        api.get("/api/team/health?" + NOV)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members[?(@.member_id == " + kiri.id() + ")].after_hours")
                        .value(1))
                .andExpect(jsonPath("$.members[?(@.member_id == " + kiri.id() + ")].timezone")
                        .value("Pacific/Kiritimati"))
                .andExpect(jsonPath("$.reviews[0].reviewer_id").value(bo.id()))
                .andExpect(jsonPath("$.reviews[0].author_id").value(kiri.id()))
                .andExpect(jsonPath("$.reviews[0].count").value(1))
                .andExpect(jsonPath("$.review_concentration.busiest_reviewer_share")
                        .value(1.0))
                .andExpect(jsonPath("$.single_owner_repos[0].repo").value("acme/api"))
                .andExpect(jsonPath("$.weekly_after_hours[1].after_hours").value(1));
    }

    @Test
    @DisplayName("working hours are the operator's to change; bad input is refused in words; no open redirect")
    void workWeekForm() throws Exception {
        mvc.perform(post("/patterns/work-week")
                        .with(csrf())
                        .param("hours", "08:00-17:00")
                        .param("days", "SUN-THU")
                        .param("back", "/reports/" + kiri.id()))
                .andExpect(redirectedUrl("/reports/" + kiri.id()));
        assertThat(html("/reports/" + kiri.id() + "?" + NOV))
                .contains("08:00-17:00")
                .contains("SUN-THU");
        mvc.perform(post("/patterns/work-week")
                        .with(csrf())
                        .param("hours", "late")
                        .param("days", "MON-FRI")
                        .param("back", "https://evil.example/"))
                .andExpect(redirectedUrl("/reports"));
    }
}
