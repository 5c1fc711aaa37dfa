package dev.worklens.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.activity.WorkUnits;
import dev.worklens.github.client.GitHubRecords.Commit;
import dev.worklens.github.client.GitHubRecords.Issue;
import dev.worklens.github.client.GitHubRecords.PullRequest;
import dev.worklens.github.client.GitHubRecords.Review;
import dev.worklens.github.ingest.CoveredRanges;
import dev.worklens.github.ingest.GitHubRows;
import dev.worklens.github.ingest.WorkUnitConversion;
import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** GitHub's tables, run on H2 and on PostgreSQL by the subclasses. */
abstract class GitHubStorageContract {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SqlDialect dialect;

    @Autowired
    WorkUnits units;

    @Autowired
    Clock clock;

    GitHubRows rows;

    static final Instant CREATED = Instant.parse("2026-10-01T10:00:00Z");

    @BeforeEach
    void setUp() {
        GitHubHarness.clean(jdbc);
        rows = new GitHubRows(jdbc, dialect, clock);
    }

    static PullRequest pull(int number, String state, Instant merged, String title) {
        return new PullRequest(
                "acme/api",
                number,
                title,
                "https://github.com/acme/api/pull/" + number,
                "DonVo",
                state,
                false,
                CREATED,
                merged,
                merged,
                merged == null ? CREATED : merged);
    }

    @Test
    @DisplayName("a pull request is one row; a re-sync updates its state, title and times in place")
    void pullRequestUpsert() {
        rows.pullRequests(List.of(pull(1, "open", null, "First"), pull(2, "open", null, "Second")));
        Instant merged = CREATED.plusSeconds(3600);
        rows.pullRequests(List.of(pull(1, "merged", merged, "First, renamed")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM github_pull_requests", Integer.class))
                .isEqualTo(2);
        var row = jdbc.queryForMap("SELECT * FROM github_pull_requests WHERE number = 1");
        assertThat(row.get("state")).isEqualTo("merged");
        assertThat(row.get("title")).isEqualTo("First, renamed");
        assertThat(row.get("author_login")).isEqualTo("DonVo");
        assertThat(row.get("author_key")).isEqualTo("donvo");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM github_pull_requests WHERE merged_at = ?",
                        Integer.class,
                        Rows.utc(merged)))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("reviews, commits and issues are keyed by GitHub's ids and never duplicated")
    void otherRows() {
        var review = new Review("acme/api#1:55", "acme/api", 1, 55, "Alice", "COMMENTED", CREATED, null);
        rows.reviews(List.of(review));
        rows.reviews(List.of(new Review("acme/api#1:55", "acme/api", 1, 55, "Alice", "APPROVED", CREATED, "u")));
        var commit = new Commit("acme/api", "abc123", "DonVo", "Fix\n\ndetails", "u", CREATED);
        rows.commits(List.of(commit));
        rows.commits(List.of(commit));
        var issue = new Issue("acme/api", 9, "Bug", "u", "DonVo", "open", CREATED, null, CREATED);
        rows.issues(List.of(issue));
        rows.issues(List.of(new Issue("acme/api", 9, "Bug", "u", "DonVo", "closed", CREATED, CREATED, CREATED)));
        assertThat(jdbc.queryForObject("SELECT state FROM github_reviews", String.class))
                .isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("SELECT reviewer_key FROM github_reviews", String.class))
                .isEqualTo("alice");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM github_commits", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT state FROM github_issues", String.class))
                .isEqualTo("closed");
    }

    @Test
    @DisplayName("work units follow the shared vocabulary and re-conversion changes nothing")
    void workUnits() {
        rows.pullRequests(List.of(pull(1, "open", null, "Add search")));
        rows.commits(List.of(new Commit("acme/api", "abc123", "donvo", "Fix login\n\nbody", "u", CREATED)));
        rows.issues(List.of(new Issue("acme/api", 9, "Bug", "u", "DONVO", "open", CREATED, null, CREATED)));
        var conversion = new WorkUnitConversion(jdbc, units);
        Instant from = Instant.parse("2026-09-01T00:00:00Z");
        Instant to = Instant.parse("2026-12-01T00:00:00Z");
        conversion.repositories(7, "donvo", from, to);
        conversion.repositories(7, "donvo", from, to);
        assertThat(jdbc.queryForList("SELECT source_key FROM work_units ORDER BY source_key", String.class))
                .containsExactly("github:commit:acme/api@abc123", "github:issue:acme/api#9", "github:pr:acme/api#1");
        assertThat(jdbc.queryForObject(
                        "SELECT title FROM work_units WHERE kind = 'commit' AND member_id = 7", String.class))
                .isEqualTo("Fix login");
    }

    @Test
    @DisplayName("covered ranges plan an incremental read inside what was read and a full read outside it")
    void coveredRanges() {
        var covered = new CoveredRanges(jdbc, dialect, clock);
        Instant sep = Instant.parse("2026-09-01T00:00:00Z");
        Instant oct = Instant.parse("2026-10-01T00:00:00Z");
        Instant nov = Instant.parse("2026-11-01T00:00:00Z");
        Instant readAt = Instant.parse("2026-11-02T00:00:00Z");
        covered.record("q", sep, nov, readAt);
        covered.record("q", sep, nov, readAt);
        var plan = covered.plan("q", oct, Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(plan).hasSize(2);
        assertThat(plan.get(0).changedSince()).isEqualTo(readAt.minusSeconds(15 * 60));
        assertThat(plan.get(1).from()).isEqualTo(nov);
        assertThat(plan.get(1).changedSince()).isNull();
        assertThat(covered.plan("other", sep, nov))
                .singleElement()
                .satisfies(s -> assertThat(s.changedSince()).isNull());
    }
}
