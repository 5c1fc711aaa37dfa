package dev.worklens.github.ingest;

import dev.worklens.activity.UnitKind;
import dev.worklens.activity.WorkUnitDraft;
import dev.worklens.activity.WorkUnits;
import dev.worklens.system.db.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Turns stored github_* rows into a member's work units (the shared vocabulary: pull_request,
 * review, commit, issue). It reads the tables, not API answers, so it is re-runnable and also
 * covers rows an earlier incremental sync stored.
 */
public class WorkUnitConversion {

    private final JdbcTemplate jdbc;
    private final WorkUnits workUnits;

    public WorkUnitConversion(JdbcTemplate jdbc, WorkUnits workUnits) {
        this.jdbc = jdbc;
        this.workUnits = workUnits;
    }

    /** Pull requests the member opened that were created or merged in range, and their reviews of others' PRs. */
    public int overview(long memberId, String loginKey, Instant from, Instant to) {
        List<WorkUnitDraft> drafts = new ArrayList<>();
        drafts.addAll(pullRequests(memberId, loginKey, from, to));
        drafts.addAll(reviews(memberId, loginKey, from, to));
        return workUnits.store(drafts);
    }

    /** Everything of per-repository mode: pull requests, reviews, commits and issues. */
    public int repositories(long memberId, String loginKey, Instant from, Instant to) {
        List<WorkUnitDraft> drafts = new ArrayList<>();
        drafts.addAll(pullRequests(memberId, loginKey, from, to));
        drafts.addAll(reviews(memberId, loginKey, from, to));
        drafts.addAll(commits(memberId, loginKey, from, to));
        drafts.addAll(issues(memberId, loginKey, from, to));
        return workUnits.store(drafts);
    }

    private List<WorkUnitDraft> pullRequests(long memberId, String key, Instant from, Instant to) {
        return numbered(
                memberId,
                UnitKind.PULL_REQUEST,
                "github:pr:",
                "SELECT repo, number, title, url, state, created_at FROM github_pull_requests WHERE author_key = ?"
                        + " AND ((created_at >= ? AND created_at < ?) OR (merged_at >= ? AND merged_at < ?))",
                key,
                Rows.utc(from),
                Rows.utc(to),
                Rows.utc(from),
                Rows.utc(to));
    }

    private List<WorkUnitDraft> reviews(long memberId, String key, Instant from, Instant to) {
        return jdbc.query(
                "SELECT r.review_key, r.repo, r.pr_number, r.state, r.submitted_at, r.url, p.title, p.url AS pr_url"
                        + " FROM github_reviews r LEFT JOIN github_pull_requests p ON p.repo = r.repo AND p.number ="
                        + " r.pr_number WHERE r.reviewer_key = ? AND r.submitted_at >= ? AND r.submitted_at < ?"
                        + " AND (p.author_key IS NULL OR p.author_key <> r.reviewer_key)",
                (rs, n) -> {
                    String repo = rs.getString("repo");
                    int number = rs.getInt("pr_number");
                    String title = rs.getString("title");
                    String url = rs.getString("url");
                    return authored(
                            memberId,
                            UnitKind.REVIEW,
                            "github:review:" + rs.getString("review_key"),
                            Rows.instant(rs, "submitted_at"),
                            "Review of " + (title == null ? repo + "#" + number : title),
                            rs.getString("state") + " review of " + repo + "#" + number,
                            url != null ? url : rs.getString("pr_url"),
                            repo);
                },
                key,
                Rows.utc(from),
                Rows.utc(to));
    }

    private List<WorkUnitDraft> commits(long memberId, String key, Instant from, Instant to) {
        return jdbc.query(
                "SELECT repo, sha, message, url, committed_at FROM github_commits WHERE author_key = ? AND"
                        + " committed_at >= ? AND committed_at < ?",
                (rs, n) -> {
                    String message = rs.getString("message");
                    String firstLine =
                            message == null ? "" : message.lines().findFirst().orElse("");
                    return authored(
                            memberId,
                            UnitKind.COMMIT,
                            "github:commit:" + rs.getString("repo") + "@" + rs.getString("sha"),
                            Rows.instant(rs, "committed_at"),
                            firstLine,
                            message,
                            rs.getString("url"),
                            rs.getString("repo"));
                },
                key,
                Rows.utc(from),
                Rows.utc(to));
    }

    private List<WorkUnitDraft> issues(long memberId, String key, Instant from, Instant to) {
        return numbered(
                memberId,
                UnitKind.ISSUE,
                "github:issue:",
                "SELECT repo, number, title, url, state, created_at FROM github_issues WHERE author_key = ? AND"
                        + " created_at >= ? AND created_at < ?",
                key,
                Rows.utc(from),
                Rows.utc(to));
    }

    /** Pull requests and issues: numbered in their repository, dated by when they were opened. */
    private List<WorkUnitDraft> numbered(long memberId, UnitKind kind, String keyPrefix, String sql, Object... args) {
        return jdbc.query(
                sql,
                (rs, n) -> {
                    String repo = rs.getString("repo");
                    int number = rs.getInt("number");
                    return authored(
                            memberId,
                            kind,
                            keyPrefix + repo + "#" + number,
                            Rows.instant(rs, "created_at"),
                            rs.getString("title"),
                            repo + "#" + number + " (" + rs.getString("state") + ")",
                            rs.getString("url"),
                            repo);
                },
                args);
    }

    /** Every GitHub unit is the member's own work; none belongs to a Slack channel. */
    private static WorkUnitDraft authored(
            long memberId,
            UnitKind kind,
            String sourceKey,
            Instant at,
            String title,
            String body,
            String url,
            String repo) {
        return new WorkUnitDraft(memberId, "github", kind, "authored", sourceKey, at, title, body, url, null, repo);
    }
}
