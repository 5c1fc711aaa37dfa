package dev.worklens.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.activity.UnitKind;
import dev.worklens.activity.WorkUnitDraft;
import dev.worklens.activity.WorkUnits;
import dev.worklens.support.WorklensTest;
import dev.worklens.system.db.Rows;
import dev.worklens.team.Member;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@WorklensTest
@DisplayName("Computed insights (Claude off), from the stored numbers")
class ComputedInsightsTest {

    static final ZoneId SAIGON = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate FROM = LocalDate.parse("2026-10-05");
    static final LocalDate TO = LocalDate.parse("2026-10-25");

    @Autowired
    MemberInsights insights;

    @Autowired
    WorkUnits workUnits;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkClassification classification;

    long id;
    String login;
    String repo;

    @BeforeEach
    void ids() {
        id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        login = "Ana-Dev-" + suffix;
        repo = "acme/api-" + suffix;
    }

    WorkUnitDraft unit(String source, String kind, String role, String at, String title, String channel) {
        return new WorkUnitDraft(
                id,
                source,
                UnitKind.of(kind),
                role,
                source + ":" + kind + ":" + at,
                Instant.parse(at),
                title,
                title,
                null,
                channel,
                "github".equals(source) ? repo : null);
    }

    void pullRequest(int number, String author, String created, String merged) {
        jdbc.sql("INSERT INTO github_pull_requests (repo, number, title, url, author_login, author_key, state,"
                        + " created_at, merged_at, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        repo,
                        number,
                        "PR " + number,
                        "https://github.com/" + repo + "/pull/" + number,
                        author,
                        author.toLowerCase(),
                        merged == null ? "open" : "closed",
                        Rows.utc(Instant.parse(created)),
                        merged == null ? null : Rows.utc(Instant.parse(merged)),
                        Rows.utc(Instant.now()))
                .update();
    }

    void review(int number, String at) {
        jdbc.sql("INSERT INTO github_reviews (review_key, repo, pr_number, reviewer_login, reviewer_key, state,"
                        + " submitted_at, stored_at) VALUES (?, ?, ?, ?, ?, 'APPROVED', ?, ?)")
                .params(
                        repo + "#" + number + ":" + at,
                        repo,
                        number,
                        login,
                        login.toLowerCase(),
                        Rows.utc(Instant.parse(at)),
                        Rows.utc(Instant.now()))
                .update();
    }

    @Test
    @DisplayName("counts, busiest and quiet weeks, open pull requests and standup alignment, by day in the zone")
    void fromTheNumbers() {
        workUnits.store(List.of(
                // 01:00 on Oct 5 in Saigon: inside the range although the UTC date is Oct 4
                unit(
                        "slack",
                        "standup",
                        "authored",
                        "2026-10-04T18:00:00Z",
                        "Yesterday: planning the sprint",
                        "standup"),
                unit("github", "pull_request", "authored", "2026-10-05T20:00:00Z", "Add CSV export", null),
                unit("github", "review", "authored", "2026-10-07T03:00:00Z", "Approved", null),
                unit("slack", "discussion", "authored", "2026-10-21T02:00:00Z", "Deployed 1.4 to production", "eng"),
                unit("slack", "discussion", "mentioned", "2026-10-21T03:00:00Z", "@ana can you look?", "eng"),
                // 23:30 on Oct 4 and 00:30 on Oct 26 in Saigon: outside
                unit("slack", "discussion", "authored", "2026-10-04T16:30:00Z", "Too early", "eng"),
                unit("slack", "discussion", "authored", "2026-10-25T17:30:00Z", "Too late", "eng")));
        pullRequest(1, login, "2026-10-05T20:00:00Z", "2026-10-06T20:00:00Z");
        pullRequest(2, login, "2026-10-08T01:00:00Z", null);
        pullRequest(3, "someone-else", "2026-10-06T01:00:00Z", null);
        review(3, "2026-10-07T03:00:00Z");
        review(1, "2026-10-07T04:00:00Z"); // on their own pull request: not a review of others' work
        var member = new Member(id, 1, null, "Ana", null, null, login.toUpperCase(), false);

        Insights shown = insights.insights(member, FROM, TO, SAIGON);

        assertThat(shown.generator()).isEqualTo("computed");
        assertThat(shown.summary())
                .isEqualTo("Ana has 4 recorded work items from 2026-10-05 to 2026-10-25: 2 pull requests opened and"
                        + " 1 merged, 1 review on 1 pull request by others, 1 standup, 1 Slack message. The largest"
                        + " share of categorised work is feature work (25%).");
        assertThat(shown.highlights())
                .containsExactly(
                        "1 pull request merged, a median of 24 hours from open to merge.",
                        "Reviewed 1 pull request by others (1 review).",
                        "Busiest week: the week of 2026-10-05, with 3 items.");
        assertThat(shown.watchItems())
                .containsExactly(
                        "No recorded activity in 1 full week: the week of 2026-10-12.",
                        "1 pull request opened in this range has been open for more than a week.",
                        "Standups on 1 of 15 weekdays.");
        assertThat(shown.alignment())
                .isEqualTo("Standups on 1 day, GitHub activity on 2 days; 0 days had both, 1 standup days had no"
                        + " GitHub activity and 2 GitHub days had no standup.");
    }

    @Test
    @DisplayName("without a GitHub login it says so instead of counting zero")
    void withoutGitHubLogin() {
        workUnits.store(List.of(unit("slack", "standup", "authored", "2026-10-06T02:00:00Z", "Pairing today", "s")));
        var member = new Member(id, 1, null, "Bao", null, null, null, false);

        Insights shown = insights.insights(member, FROM, TO, SAIGON);

        assertThat(shown.alignment()).isEqualTo("Standups on 1 day; no GitHub login is linked to compare with.");
        assertThat(shown.watchItems()).contains("No GitHub login is linked for Bao, so GitHub work is missing here.");
        assertThat(shown.highlights())
                .containsExactly(
                        "Busiest week: the week of 2026-10-05, with 1 item.",
                        "Mentorship is the largest category: 1 of 1 categorised items.");
    }

    @Test
    @DisplayName("without an Anthropic key every unit is labelled offline as it is stored")
    void offlineWithoutKey() {
        workUnits.store(List.of(
                unit("github", "pull_request", "authored", "2026-10-06T02:00:00Z", "fix: null member id", null),
                unit("slack", "discussion", "authored", "2026-10-06T03:00:00Z", "RFC: jobs on db-scheduler", "eng")));

        var labels = jdbc.sql("SELECT category, classifier FROM work_units WHERE member_id = ? AND"
                        + " classified_hash = content_hash ORDER BY occurred_at")
                .param(id)
                .query((rs, row) -> rs.getString("category") + "/" + rs.getString("classifier"))
                .list();

        assertThat(labels).containsExactly("bug_fix/offline", "architecture/offline");
        assertThat(classification.claudeActive()).isFalse();
        assertThat(classification.classifyPending(List.of(id)).claudeRequests()).isZero();
    }

    @Test
    @DisplayName("a range with nothing recorded says so and suggests a sync")
    void nothingRecorded() {
        var member = new Member(id, 1, null, "Chi", null, null, null, false);

        Insights shown = insights.insights(member, FROM, TO, SAIGON);

        assertThat(shown.summary())
                .isEqualTo("No recorded activity for Chi between 2026-10-05 and 2026-10-25. If you expected some,"
                        + " sync this range.");
        assertThat(shown.highlights()).isEmpty();
        assertThat(shown.watchItems()).isEmpty();
    }
}
