package dev.worklens.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.activity.WorkUnits;
import dev.worklens.demo.FakeGitHubData;
import dev.worklens.support.ApiClient;
import dev.worklens.sync.SyncRange;
import dev.worklens.system.db.SqlDialect;
import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Per-member GitHub cleanup, on H2 and PostgreSQL: after Don's login changes, the work units synced
 * under the old one are found through the stored rows they came from, previewed by login and
 * deleted with those rows; a purge removes every GitHub unit of his and keeps the rows of his
 * current login. No GitHub call is made.
 */
abstract class MemberGitHubCleanupContract {

    static final SyncRange RANGE = new SyncRange(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-11-30"));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SqlDialect dialect;

    @Autowired
    WorkUnits units;

    @Autowired
    MockMvc mvc;

    @Autowired
    Operators operators;

    @Autowired
    Roster roster;

    GitHubHarness harness;
    ApiClient api;
    Operator operator;
    Member don;
    Member amy;

    static Instant t(String s) {
        return Instant.parse(s);
    }

    @BeforeEach
    void setUp() throws Exception {
        GitHubHarness.clean(jdbc);
        jdbc.update("DELETE FROM members WHERE is_operator = FALSE");
        var data = new FakeGitHubData().user("DonVo").user("alice").user("amy");
        // two of Don's pull requests in range; one of them reviewed by Amy, so its row stays
        var a = data.pull("acme/api", "DonVo", t("2026-09-10T10:00:00Z"), null, t("2026-09-11T00:00:00Z"));
        data.pull("acme/api", "DonVo", t("2026-09-12T10:00:00Z"), t("2026-09-15T10:00:00Z"), t("2026-09-15T10:00:00Z"));
        data.review(a, "amy", "APPROVED", t("2026-09-11T09:00:00Z"));
        // two reviews of Alice's pull request by Don
        var e = data.pull("acme/web", "alice", t("2026-06-01T10:00:00Z"), null, t("2026-12-10T10:00:00Z"));
        data.review(e, "DonVo", "COMMENTED", t("2026-10-01T09:00:00Z"));
        data.review(e, "DonVo", "APPROVED", t("2026-10-02T09:00:00Z"));
        harness = new GitHubHarness(data, "", jdbc, dialect, units);
        api = new ApiClient(mvc);
        operator = operators.local();
        don = roster.add(operator.id(), new MemberFields("U0DON", "Don Vo", null, null, "DonVo"))
                .member();
        amy = roster.add(operator.id(), new MemberFields("U0AMY", "Amy", null, null, "amy"))
                .member();
        harness.source.run(new TestRun(RANGE, "overview", don, amy));
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    int unitsOf(Member m) {
        return harness.count("SELECT COUNT(*) FROM work_units WHERE member_id = ? AND source = 'github'", m.id());
    }

    String body(String what, boolean dryRun) {
        return "{\"member_id\":" + don.id() + ",\"what\":\"" + what + "\",\"dry_run\":" + dryRun + "}";
    }

    @Test
    @DisplayName(
            "after a login change the preview lists the old login's units and rows by name; confirming deletes them")
    void oldLogin() throws Exception {
        assertThat(unitsOf(don)).isEqualTo(4); // two pull requests, two reviews
        int amyUnits = unitsOf(amy);
        int pulls = harness.count("SELECT COUNT(*) FROM github_pull_requests");
        int reviews = harness.count("SELECT COUNT(*) FROM github_reviews");

        api.patch("/api/members/" + don.id(), "{\"github_login\":\"don-new\"}")
                .andExpect(status().isOk())
                .andExpect(header().string("Link", containsString("what=old_logins")));

        api.post("/api/cleanup/member", body("old_logins", true))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("github"))
                .andExpect(jsonPath("$.logins.length()").value(1))
                .andExpect(jsonPath("$.logins[0].name").value("@DonVo"))
                .andExpect(jsonPath("$.logins[0].work_units").value(4))
                // one pull request and two reviews; the pull request Amy reviewed stays
                .andExpect(jsonPath("$.logins[0].stored_rows").value(3))
                .andExpect(jsonPath("$.channels").doesNotExist());
        assertThat(unitsOf(don)).isEqualTo(4);

        api.post("/api/cleanup/member", body("old_logins", false))
                .andExpect(jsonPath("$.dry_run").value(false))
                .andExpect(jsonPath("$.work_units").value(4))
                .andExpect(jsonPath("$.stored_rows").value(3));
        assertThat(unitsOf(don)).isZero();
        assertThat(unitsOf(amy)).isEqualTo(amyUnits);
        assertThat(harness.count("SELECT COUNT(*) FROM github_pull_requests")).isEqualTo(pulls - 1);
        assertThat(harness.count("SELECT COUNT(*) FROM github_reviews")).isEqualTo(reviews - 2);
        assertThat(harness.count("SELECT COUNT(*) FROM github_reviews WHERE reviewer_key = 'amy'"))
                .isEqualTo(1);
        assertThat(harness.count("SELECT COUNT(*) FROM source_cursors WHERE scope LIKE 'overview:donvo:%'"))
                .isZero();
    }

    @Autowired
    PullRequestQueries queries;

    @Test
    @DisplayName("the rows a cleanup deletes leave the day tallies: the overview's counts stay those of the rows")
    void tallies() throws Exception {
        var logins = java.util.List.of("DonVo", "amy", "alice", "don-new");
        Instant start = LocalDate.parse("2026-06-01")
                .atStartOfDay(java.time.ZoneId.of("Asia/Kathmandu"))
                .toInstant();
        Instant end = LocalDate.parse("2026-12-01")
                .atStartOfDay(java.time.ZoneId.of("Asia/Kathmandu"))
                .toInstant();
        assertThat(queries.counts(logins, start, end).get("DonVo")).isEqualTo(new PullRequestQueries.Counts(2, 1, 1));

        api.patch("/api/members/" + don.id(), "{\"github_login\":\"don-new\"}").andExpect(status().isOk());
        api.post("/api/cleanup/member", body("old_logins", false))
                .andExpect(jsonPath("$.stored_rows").value(3));

        // one pull request of Don's stays (Amy reviewed it); his reviews of Alice's are gone
        assertThat(queries.counts(logins, start, end).get("DonVo")).isEqualTo(new PullRequestQueries.Counts(1, 0, 0));
        assertThat(queries.counts(logins, start, end)).isEqualTo(queries.countsFromRows(logins, start, end));
    }

    @Test
    @DisplayName("the current login's data is not old; an old login another member holds keeps its rows")
    void currentAndSharedLogins() throws Exception {
        api.post("/api/cleanup/member", body("old_logins", true))
                .andExpect(jsonPath("$.logins.length()").value(0))
                .andExpect(jsonPath("$.work_units").value(0));

        api.patch("/api/members/" + don.id(), "{\"github_login\":\"don-new\"}").andExpect(status().isOk());
        roster.update(amy, new MemberFields(null, null, null, null, "donvo"), java.util.List.of());
        int rows = harness.count("SELECT COUNT(*) FROM github_reviews");
        api.post("/api/cleanup/member", body("old_logins", false))
                .andExpect(jsonPath("$.logins[0].work_units").value(4))
                .andExpect(jsonPath("$.logins[0].stored_rows").value(0))
                .andExpect(jsonPath("$.notes[0]").value(containsString("another member's login")));
        assertThat(unitsOf(don)).isZero();
        assertThat(harness.count("SELECT COUNT(*) FROM github_reviews")).isEqualTo(rows);
    }

    @Test
    @DisplayName("purging all of Don's GitHub data removes his units and keeps his current login's rows")
    void purge() throws Exception {
        int pulls = harness.count("SELECT COUNT(*) FROM github_pull_requests");
        api.post("/api/cleanup/member", body("all_github", false))
                .andExpect(jsonPath("$.logins[0].name").value("@DonVo"))
                .andExpect(jsonPath("$.work_units").value(4))
                .andExpect(jsonPath("$.stored_rows").value(0));
        assertThat(unitsOf(don)).isZero();
        assertThat(unitsOf(amy)).isPositive();
        assertThat(harness.count("SELECT COUNT(*) FROM github_pull_requests")).isEqualTo(pulls);
    }

    @Test
    @DisplayName("changing a login on the Team page offers the old-login cleanup's preview")
    void offeredAfterALoginChange() throws Exception {
        mvc.perform(post("/team/members/{id}", don.id())
                        .with(csrf())
                        .param("displayName", "Don Vo")
                        .param("githubLogin", "don-new"))
                .andExpect(flash().attribute(
                                "flashLinkHref", "/sync/cleanup/member?member=" + don.id() + "&what=old_logins"))
                .andExpect(flash().attribute("flashLinkText", containsString("@DonVo")));
        mvc.perform(post("/team/members/{id}", don.id())
                        .with(csrf())
                        .param("displayName", "Don Vo")
                        .param("githubLogin", "don-new"))
                .andExpect(flash().attributeCount(1));
    }

    @Test
    @DisplayName("changing your own login on the Connect page offers the same preview; a first login offers nothing")
    void offeredOnTheConnectPage() throws Exception {
        long self = roster.members(operator.id()).stream()
                .filter(Member::isOperator)
                .findFirst()
                .orElseThrow()
                .id();
        operators.linkGithubLogin(operator.id(), null, false);
        mvc.perform(post("/connect/github-login").with(csrf()).param("githubLogin", "mia-old"))
                .andExpect(flash().attribute("flash", containsString("mia-old")))
                .andExpect(flash().attributeCount(1));
        mvc.perform(post("/connect/github-login").with(csrf()).param("githubLogin", "mia-new"))
                .andExpect(
                        flash().attribute("flashLinkHref", "/sync/cleanup/member?member=" + self + "&what=old_logins"))
                .andExpect(flash().attribute("flashLinkText", containsString("@mia-old")));
    }
}
