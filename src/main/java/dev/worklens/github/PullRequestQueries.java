package dev.worklens.github;

import dev.worklens.system.UtcDays;
import dev.worklens.system.db.CustomPlans;
import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What other modules read of GitHub's pull requests and reviews (the groups the report and its
 * insights count, the team overview's counts): GitHub's tables are read only here and in {@code
 * ingest}. Logins are compared through the lower-case {@code *_key} columns; a pull request is one
 * row per (repo, number), so the groups need no deduplication beyond the review grouping.
 */
@Repository
public class PullRequestQueries {

    private static final String AUTHORED = "SELECT repo, number, title, url, state, created_at, merged_at, closed_at"
            + " FROM github_pull_requests WHERE author_key = :login AND %1$s >= :start AND %1$s < :end"
            + " ORDER BY %1$s DESC, repo, number";

    // reviews in the period by the member, on pull requests they did not open; a review whose pull
    // request is not stored is still listed (its author is unknown, so it cannot be their own)
    private static final String REVIEWED_COLUMNS = "title, url, created_at, author_key";
    // the first review ever of each pull request comes from one grouped, index-only read of the
    // member's reviews before the end (a pull request listed has a review in the period, so its
    // first one is before the end too) instead of a probe of the (repo, number) index and the
    // reviews' heap pages per review: 7,700 → 4,300 buffers for a year of one member's reviews
    private static final String REVIEWED = "SELECT r.repo, r.pr_number, r.state, r.submitted_at, r.url AS review_url,"
            + " p.title, p.url AS pr_url, p.created_at, f.first_review_at"
            + " FROM github_reviews r %s"
            + " LEFT JOIN (SELECT repo, pr_number, MIN(submitted_at) AS first_review_at FROM github_reviews"
            + " WHERE reviewer_key = :login AND submitted_at < :end GROUP BY repo, pr_number) f"
            + " ON f.repo = r.repo AND f.pr_number = r.pr_number"
            + " WHERE r.reviewer_key = :login AND r.submitted_at >= :start AND r.submitted_at < :end"
            + " AND (p.author_key IS NULL OR p.author_key <> :login)";

    private final JdbcClient jdbc;
    private final String reviewed;

    // per login, the pull requests opened and merged, and the others' pull requests reviewed; each
    // uses its (key, time) index once per login
    private static final String CREATED_COUNTS = "SELECT author_key AS login, COUNT(*) AS n FROM github_pull_requests"
            + " WHERE author_key IN (:logins) AND created_at >= :start AND created_at < :end GROUP BY author_key";
    private static final String MERGED_COUNTS = "SELECT author_key AS login, COUNT(*) AS n FROM github_pull_requests"
            + " WHERE author_key IN (:logins) AND merged_at >= :start AND merged_at < :end GROUP BY author_key";
    // a review of one's own pull request is not reviewing; that pull request's author is then one of
    // the logins, so the anti-join reads only the team's pull requests (one hash of them) instead
    // of probing the (repo, number) key once per review: 1.3 s → 0.18 s for 50 logins over a year
    // of the benchmark data (EXPLAIN ANALYZE, 160,000 → 1,800 buffers, shared machine)
    private static final String REVIEWED_COUNTS = "SELECT login, COUNT(*) AS n FROM (SELECT DISTINCT"
            + " r.reviewer_key AS login, r.repo, r.pr_number FROM github_reviews r WHERE r.reviewer_key IN (:logins)"
            + " AND r.submitted_at >= :start AND r.submitted_at < :end"
            + " AND NOT EXISTS (SELECT 1 FROM github_pull_requests p WHERE p.repo = r.repo AND p.number = r.pr_number"
            + " AND p.author_key = r.reviewer_key AND p.author_key IN (:logins))) x GROUP BY login";

    // whole UTC days: per login, the tallies' sums; a pull request reviewed on several days of the
    // period counts on the first of them, the one whose previous review day is before the period
    private static final String PULL_DAY_COUNTS = "SELECT login_key AS login, SUM(created) AS created,"
            + " SUM(merged) AS merged FROM github_pull_request_days WHERE login_key IN (:logins)"
            + " AND utc_day >= :first AND utc_day < :end GROUP BY login_key";
    private static final String REVIEW_DAY_COUNTS = "SELECT login_key AS login, SUM(pulls) AS n"
            + " FROM github_review_days WHERE login_key IN (:logins) AND utc_day >= :first AND utc_day < :end"
            + " AND (prev_utc_day IS NULL OR prev_utc_day < :first) GROUP BY login_key";

    // the partial days at either end, [start, from) and [to, end); a pull request reviewed there
    // counts only when it was not reviewed on the whole days [from, to) as well
    private static final String EDGE_AUTHORED = "SELECT author_key AS login, COUNT(*) AS n FROM github_pull_requests"
            + " WHERE author_key IN (:logins) AND ((%1$s >= :start AND %1$s < :from) OR (%1$s >= :to AND %1$s < :end))"
            + " GROUP BY author_key";
    private static final String EDGE_CREATED = EDGE_AUTHORED.formatted("created_at");
    private static final String EDGE_MERGED = EDGE_AUTHORED.formatted("merged_at");
    private static final String EDGE_REVIEWED = "SELECT login, COUNT(*) AS n FROM (SELECT DISTINCT"
            + " r.reviewer_key AS login, r.repo, r.pr_number FROM github_reviews r WHERE r.reviewer_key IN (:logins)"
            + " AND ((r.submitted_at >= :start AND r.submitted_at < :from) OR (r.submitted_at >= :to"
            + " AND r.submitted_at < :end))"
            + " AND NOT EXISTS (SELECT 1 FROM github_pull_requests p WHERE p.repo = r.repo AND p.number = r.pr_number"
            + " AND p.author_key = r.reviewer_key)"
            + " AND NOT EXISTS (SELECT 1 FROM github_reviews o WHERE o.reviewer_key = r.reviewer_key"
            + " AND o.repo = r.repo AND o.pr_number = r.pr_number AND o.submitted_at >= :from"
            + " AND o.submitted_at < :to)) x GROUP BY login";

    private final CustomPlans customPlans;

    PullRequestQueries(JdbcClient jdbc, SqlDialect dialect, CustomPlans customPlans) {
        this.jdbc = jdbc;
        this.customPlans = customPlans;
        this.reviewed = REVIEWED.formatted(PullRequestJoin.leftJoin(dialect, REVIEWED_COLUMNS));
    }

    /** Pull requests opened, merged and (others') reviewed in a period, per login. */
    public record Counts(long created, long merged, long reviewed) {
        public static final Counts NONE = new Counts(0, 0, 0);
    }

    /**
     * {@link Counts} per login as given; a login with nothing in the period is absent. Whole UTC
     * days of the period are summed from the day tallies ({@code github.ingest.DayTallies}); the
     * partial first and last day, when the period's zone is not UTC, are counted from the rows.
     */
    public Map<String, Counts> counts(Collection<String> githubLogins, Instant start, Instant end) {
        List<String> keys = keys(githubLogins);
        if (keys.isEmpty()) {
            return Map.of();
        }
        UtcDays days = UtcDays.within(start, end);
        Map<String, long[]> counts =
                customPlans.run(() -> days.any() ? tallied(keys, days) : fromRows(keys, start, end));
        return byLogin(githubLogins, counts);
    }

    /** The same counts from the pull requests and reviews themselves, every day of the period. */
    Map<String, Counts> countsFromRows(Collection<String> githubLogins, Instant start, Instant end) {
        List<String> keys = keys(githubLogins);
        if (keys.isEmpty()) {
            return Map.of();
        }
        return byLogin(githubLogins, customPlans.run(() -> fromRows(keys, start, end)));
    }

    /** The logins as stored (trimmed, lower case), blanks left out. */
    private static List<String> keys(Collection<String> githubLogins) {
        return githubLogins.stream()
                .filter(l -> l != null && !l.isBlank())
                .map(PullRequestQueries::key)
                .distinct()
                .toList();
    }

    private static Map<String, Counts> byLogin(Collection<String> githubLogins, Map<String, long[]> counts) {
        Map<String, Counts> result = new HashMap<>();
        for (String login : githubLogins) {
            long[] n = login == null || login.isBlank() ? null : counts.get(key(login));
            if (n != null && (n[0] != 0 || n[1] != 0 || n[2] != 0)) {
                result.put(login, new Counts(n[0], n[1], n[2]));
            }
        }
        return result;
    }

    private Map<String, long[]> fromRows(List<String> keys, Instant start, Instant end) {
        Map<String, long[]> counts = new HashMap<>();
        String[] queries = {CREATED_COUNTS, MERGED_COUNTS, REVIEWED_COUNTS};
        for (int i = 0; i < queries.length; i++) {
            int column = i;
            jdbc.sql(queries[i])
                    .param("logins", keys)
                    .param("start", Rows.utc(start))
                    .param("end", Rows.utc(end))
                    .query(rs -> {
                        counts.computeIfAbsent(rs.getString("login"), k -> new long[3])[column] += rs.getLong("n");
                    });
        }
        return counts;
    }

    // the whole UTC days from the tallies, the partial days at either end from the rows
    private Map<String, long[]> tallied(List<String> keys, UtcDays days) {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql(PULL_DAY_COUNTS)
                .param("logins", keys)
                .param("first", days.first())
                .param("end", days.endDay())
                .query(rs -> {
                    long[] n = counts.computeIfAbsent(rs.getString("login"), k -> new long[3]);
                    n[0] += rs.getLong("created");
                    n[1] += rs.getLong("merged");
                });
        jdbc.sql(REVIEW_DAY_COUNTS)
                .param("logins", keys)
                .param("first", days.first())
                .param("end", days.endDay())
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("login"), k -> new long[3])[2] += rs.getLong("n");
                });
        if (days.partial()) {
            String[] queries = {EDGE_CREATED, EDGE_MERGED, EDGE_REVIEWED};
            for (int i = 0; i < queries.length; i++) {
                int column = i;
                jdbc.sql(queries[i])
                        .param("logins", keys)
                        .param("start", Rows.utc(days.start()))
                        .param("from", Rows.utc(days.from()))
                        .param("to", Rows.utc(days.to()))
                        .param("end", Rows.utc(days.end()))
                        .query(rs -> {
                            counts.computeIfAbsent(rs.getString("login"), k -> new long[3])[column] += rs.getLong("n");
                        });
            }
        }
        return counts;
    }

    private static String key(String githubLogin) {
        return githubLogin.strip().toLowerCase(Locale.ROOT);
    }

    /** The member's pull requests in a period, in the three groups of the GitHub overview. */
    public PullRequests groups(String githubLogin, Instant start, Instant end) {
        if (githubLogin == null || githubLogin.isBlank()) {
            return PullRequests.NONE;
        }
        String login = key(githubLogin);
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
                rs.getString("state"),
                Rows.instant(rs, "closed_at"));
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
        private int reviews;

        ReviewedBuilder(String repo, int number) {
            this.repo = repo;
            this.number = number;
        }

        void add(ResultSet rs) throws SQLException {
            reviews++;
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
            return new PullRequests.Reviewed(
                    link, repo, number, shown, latest, List.copyOf(states), createdAt, first, reviews);
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
