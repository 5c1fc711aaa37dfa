package dev.worklens.report.core;

import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the pull-request groups from the github tables, one indexed query per group. Logins are
 * compared through the lower-case {@code *_key} columns; a pull request is one row per (repo,
 * number), so the groups need no deduplication beyond the review grouping.
 */
@Repository
class PullRequestQueries {

    private static final String AUTHORED = "SELECT repo, number, title, url, state, created_at, merged_at"
            + " FROM github_pull_requests WHERE author_key = :login AND %1$s >= :start AND %1$s < :end"
            + " ORDER BY %1$s DESC, repo, number";

    // reviews in the period by the member, on pull requests they did not open; a review whose pull
    // request is not stored is still listed (its author is unknown, so it cannot be their own)
    private static final String REVIEWED_COLUMNS = "title, url, created_at, author_key";
    private static final String REVIEWED = "SELECT r.repo, r.pr_number, r.state, r.submitted_at, r.url AS review_url,"
            + " p.title, p.url AS pr_url, p.created_at,"
            + " (SELECT MIN(f.submitted_at) FROM github_reviews f WHERE f.repo = r.repo AND f.pr_number = r.pr_number"
            + " AND f.reviewer_key = :login) AS first_review_at"
            + " FROM github_reviews r %s"
            + " WHERE r.reviewer_key = :login AND r.submitted_at >= :start AND r.submitted_at < :end"
            + " AND (p.author_key IS NULL OR p.author_key <> :login)";

    private final JdbcClient jdbc;
    private final String reviewed;

    PullRequestQueries(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.reviewed = REVIEWED.formatted(PullRequestJoin.leftJoin(dialect, REVIEWED_COLUMNS));
    }

    PullRequests groups(String githubLogin, Instant start, Instant end) {
        if (githubLogin == null || githubLogin.isBlank()) {
            return PullRequests.NONE;
        }
        String login = githubLogin.strip().toLowerCase(Locale.ROOT);
        return new PullRequests(
                authored("created_at", login, start, end),
                authored("merged_at", login, start, end),
                reviewed(login, start, end));
    }

    private List<PullRequests.Authored> authored(String column, String login, Instant start, Instant end) {
        return jdbc.sql(AUTHORED.formatted(column))
                .param("login", login)
                .param("start", Rows.utc(start))
                .param("end", Rows.utc(end))
                .query(PullRequestQueries::authored)
                .list();
    }

    private static PullRequests.Authored authored(ResultSet rs, int row) throws SQLException {
        return new PullRequests.Authored(
                rs.getString("url"),
                rs.getString("repo"),
                rs.getInt("number"),
                rs.getString("title"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "merged_at"),
                rs.getString("state"));
    }

    private List<PullRequests.Reviewed> reviewed(String login, Instant start, Instant end) {
        Map<String, ReviewedBuilder> byPr = new LinkedHashMap<>();
        jdbc.sql(reviewed)
                .param("login", login)
                .param("start", Rows.utc(start))
                .param("end", Rows.utc(end))
                .query(rs -> {
                    String repo = rs.getString("repo");
                    int number = rs.getInt("pr_number");
                    byPr.computeIfAbsent(repo + "#" + number, k -> new ReviewedBuilder(repo, number))
                            .add(rs);
                });
        List<PullRequests.Reviewed> result = new ArrayList<>();
        byPr.values().forEach(b -> result.add(b.build()));
        result.sort((a, b) -> b.reviewedAt().compareTo(a.reviewedAt()));
        return result;
    }

    private static final class ReviewedBuilder {
        private final String repo;
        private final int number;
        private final TreeSet<String> states = new TreeSet<>();
        private String title;
        private String url;
        private Instant createdAt;
        private Instant latest;
        private Instant first;

        ReviewedBuilder(String repo, int number) {
            this.repo = repo;
            this.number = number;
        }

        void add(ResultSet rs) throws SQLException {
            states.add(rs.getString("state").toLowerCase(Locale.ROOT));
            Instant at = Rows.instant(rs, "submitted_at");
            if (latest == null || at.isAfter(latest)) {
                latest = at;
            }
            title = rs.getString("title");
            createdAt = Rows.instant(rs, "created_at");
            first = Rows.instant(rs, "first_review_at");
            String prUrl = rs.getString("pr_url");
            url = prUrl != null ? prUrl : pullUrl(rs.getString("review_url"));
        }

        PullRequests.Reviewed build() {
            String shown = title != null ? title : repo + "#" + number;
            String link = url != null ? url : "https://github.com/" + repo + "/pull/" + number;
            return new PullRequests.Reviewed(link, repo, number, shown, latest, List.copyOf(states), createdAt, first);
        }

        // a review's html_url is the pull request's address plus #pullrequestreview-<id>
        private static String pullUrl(String reviewUrl) {
            if (reviewUrl == null) {
                return null;
            }
            int hash = reviewUrl.indexOf('#');
            return hash < 0 ? reviewUrl : reviewUrl.substring(0, hash);
        }
    }
}
