package dev.worklens.github.ingest;

import dev.worklens.github.client.GitHubRecords.Commit;
import dev.worklens.github.client.GitHubRecords.Issue;
import dev.worklens.github.client.GitHubRecords.PullRequest;
import dev.worklens.github.client.GitHubRecords.Review;
import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batch upserts into the github_* tables, keyed by what GitHub keys them by (repo and number,
 * review id, sha), so a re-sync updates rows in place and never duplicates one. A batch of pull
 * requests or reviews and the {@link DayTallies} of the logins whose counted fields it changed are
 * written in one transaction.
 */
public class GitHubRows {

    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final TransactionTemplate transaction;
    private final DayTallies tallies;
    private final Clock clock;
    private final String pullUpsert;
    private final String reviewUpsert;
    private final String commitUpsert;
    private final String issueUpsert;

    public GitHubRows(JdbcTemplate jdbc, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.client = JdbcClient.create(jdbc);
        this.transaction =
                new TransactionTemplate(new DataSourceTransactionManager(Objects.requireNonNull(jdbc.getDataSource())));
        this.tallies = new DayTallies(jdbc, dialect);
        this.clock = clock;
        this.pullUpsert = dialect.upsert(
                "github_pull_requests",
                "repo, number",
                "repo, number, title, url, author_login, author_key, state, is_draft, created_at, merged_at, closed_at,"
                        + " updated_at, stored_at");
        this.reviewUpsert = dialect.upsert(
                "github_reviews",
                "review_key",
                "review_key, repo, pr_number, reviewer_login, reviewer_key, state, submitted_at, url, stored_at");
        this.commitUpsert = dialect.upsert(
                "github_commits",
                "repo, sha",
                "repo, sha, author_login, author_key, message, url, committed_at, stored_at");
        this.issueUpsert = dialect.upsert(
                "github_issues",
                "repo, number",
                "repo, number, title, url, author_login, author_key, state, created_at, closed_at, updated_at, stored_at");
    }

    public int pullRequests(List<PullRequest> pulls) {
        if (pulls.isEmpty()) {
            return 0;
        }
        var now = Rows.utc(clock.instant());
        transaction.executeWithoutResult(status -> {
            Set<String> changed = changedAuthors(pulls);
            upsertPulls(pulls, now);
            tallies.refresh(changed);
        });
        return pulls.size();
    }

    private void upsertPulls(List<PullRequest> pulls, OffsetDateTime now) {
        jdbc.batchUpdate(pullUpsert, pulls, 500, (ps, p) -> {
            ps.setString(1, p.repo());
            ps.setInt(2, p.number());
            ps.setString(3, cut(p.title() == null ? "" : p.title(), 1000));
            ps.setString(4, cut(p.url(), 1000));
            ps.setString(5, p.authorLogin());
            ps.setString(6, key(p.authorLogin()));
            ps.setString(7, p.state() == null ? "open" : p.state());
            ps.setBoolean(8, p.draft());
            ps.setObject(9, Rows.utc(p.createdAt()));
            ps.setObject(10, Rows.utc(p.mergedAt()));
            ps.setObject(11, Rows.utc(p.closedAt()));
            ps.setObject(12, Rows.utc(p.updatedAt()));
            ps.setObject(13, now);
        });
    }

    /** What the tallies count of a pull request or review: its login, its times, the pull request reviewed. */
    private record Counted(String login, Instant first, Instant second, String pull) {}

    // the authors of new pull requests, and the old and new authors of those whose author, opening
    // or merge time changes; an unchanged re-sync leaves the tallies alone
    private Set<String> changedAuthors(List<PullRequest> pulls) {
        Map<String, Counted> stored = new HashMap<>();
        for (int i = 0; i < pulls.size(); i += CHUNK) {
            List<PullRequest> chunk = pulls.subList(i, Math.min(pulls.size(), i + CHUNK));
            client.sql("SELECT repo, number, author_key, created_at, merged_at FROM github_pull_requests"
                            + " WHERE number IN (:numbers) AND repo IN (:repos)")
                    .param(
                            "numbers",
                            chunk.stream().map(PullRequest::number).distinct().toList())
                    .param(
                            "repos",
                            chunk.stream().map(PullRequest::repo).distinct().toList())
                    .query(rs -> {
                        stored.put(
                                rs.getString("repo") + "#" + rs.getInt("number"),
                                new Counted(
                                        rs.getString("author_key"),
                                        Rows.instant(rs, "created_at"),
                                        Rows.instant(rs, "merged_at"),
                                        null));
                    });
        }
        return changedLogins(
                pulls,
                p -> p.repo() + "#" + p.number(),
                p -> new Counted(key(p.authorLogin()), p.createdAt(), p.mergedAt(), null),
                stored);
    }

    // the same for reviews: a review moved to another pull request changes its reviewer's tally too
    private Set<String> changedReviewers(List<Review> reviews) {
        Map<String, Counted> stored = new HashMap<>();
        for (int i = 0; i < reviews.size(); i += CHUNK) {
            List<Review> chunk = reviews.subList(i, Math.min(reviews.size(), i + CHUNK));
            client.sql("SELECT review_key, repo, pr_number, reviewer_key, submitted_at FROM github_reviews"
                            + " WHERE review_key IN (:keys)")
                    .param(
                            "keys",
                            chunk.stream().map(Review::reviewKey).distinct().toList())
                    .query(rs -> {
                        stored.put(
                                rs.getString("review_key"),
                                new Counted(
                                        rs.getString("reviewer_key"),
                                        Rows.instant(rs, "submitted_at"),
                                        null,
                                        rs.getString("repo") + "#" + rs.getInt("pr_number")));
                    });
        }
        return changedLogins(
                reviews,
                Review::reviewKey,
                r -> new Counted(key(r.reviewerLogin()), r.submittedAt(), null, r.repo() + "#" + r.prNumber()),
                stored);
    }

    /** The new login of every row whose counted values are new or differ from the stored ones, and the old login. */
    private static <T> Set<String> changedLogins(
            List<T> rows, Function<T, String> key, Function<T, Counted> counted, Map<String, Counted> stored) {
        Set<String> changed = new HashSet<>();
        for (T row : rows) {
            Counted now = counted.apply(row);
            Counted before = stored.get(key.apply(row));
            if (!now.equals(before)) {
                changed.add(now.login());
                changed.add(before == null ? null : before.login());
            }
        }
        changed.remove(null);
        return changed;
    }

    public int reviews(List<Review> reviews) {
        if (reviews.isEmpty()) {
            return 0;
        }
        var now = Rows.utc(clock.instant());
        transaction.executeWithoutResult(status -> {
            Set<String> changed = changedReviewers(reviews);
            upsertReviews(reviews, now);
            tallies.refresh(changed);
        });
        return reviews.size();
    }

    private void upsertReviews(List<Review> reviews, OffsetDateTime now) {
        jdbc.batchUpdate(reviewUpsert, reviews, 500, (ps, r) -> {
            ps.setString(1, r.reviewKey());
            ps.setString(2, r.repo());
            ps.setInt(3, r.prNumber());
            ps.setString(4, r.reviewerLogin());
            ps.setString(5, key(r.reviewerLogin()));
            ps.setString(6, r.state());
            ps.setObject(7, Rows.utc(r.submittedAt()));
            ps.setString(8, cut(r.url(), 1000));
            ps.setObject(9, now);
        });
    }

    public int commits(List<Commit> commits) {
        if (commits.isEmpty()) {
            return 0;
        }
        var now = Rows.utc(clock.instant());
        jdbc.batchUpdate(commitUpsert, commits, 500, (ps, c) -> {
            ps.setString(1, c.repo());
            ps.setString(2, c.sha());
            ps.setString(3, c.authorLogin());
            ps.setString(4, key(c.authorLogin()));
            ps.setString(5, c.message());
            ps.setString(6, cut(c.url(), 1000));
            ps.setObject(7, Rows.utc(c.committedAt()));
            ps.setObject(8, now);
        });
        return commits.size();
    }

    public int issues(List<Issue> issues) {
        if (issues.isEmpty()) {
            return 0;
        }
        var now = Rows.utc(clock.instant());
        jdbc.batchUpdate(issueUpsert, issues, 500, (ps, i) -> {
            ps.setString(1, i.repo());
            ps.setInt(2, i.number());
            ps.setString(3, cut(i.title() == null ? "" : i.title(), 1000));
            ps.setString(4, cut(i.url(), 1000));
            ps.setString(5, i.authorLogin());
            ps.setString(6, key(i.authorLogin()));
            ps.setString(7, i.state() == null ? "open" : i.state());
            ps.setObject(8, Rows.utc(i.createdAt()));
            ps.setObject(9, Rows.utc(i.closedAt()));
            ps.setObject(10, Rows.utc(i.updatedAt()));
            ps.setObject(11, now);
        });
        return issues.size();
    }

    /** The lower-case form logins are compared by. */
    public static String key(String login) {
        return login == null ? null : login.strip().toLowerCase(Locale.ROOT);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
