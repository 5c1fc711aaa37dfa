package dev.worklens.github;

import dev.worklens.system.db.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How a team's pull requests and reviews connect, for the team health page: who reviews whom,
 * and who took part in each repository's pull requests. Logins compare case-insensitively.
 */
@Repository
public class TeamReviews {

    private final JdbcClient jdbc;
    private final CustomPlans customPlans;

    TeamReviews(JdbcClient jdbc, CustomPlans customPlans) {
        this.jdbc = jdbc;
        this.customPlans = customPlans;
    }

    /**
     * Per reviewer and author among {@code logins}: pull requests of the author the reviewer
     * reviewed (at least one review submitted in {@code [from, to)}); reviews of one's own pull
     * requests are not reviewing.
     */
    public List<Pair> reviewPairs(Collection<String> logins, Instant from, Instant to) {
        List<String> keys = keys(logins);
        if (keys.isEmpty()) {
            return List.of();
        }
        return customPlans.run(() -> jdbc.sql(
                        "SELECT r.reviewer_key, p.author_key, COUNT(DISTINCT p.id) AS n FROM github_reviews r"
                                + " JOIN github_pull_requests p ON p.repo = r.repo AND p.number = r.pr_number"
                                + " WHERE r.reviewer_key IN (:keys) AND p.author_key IN (:keys) AND r.reviewer_key <> p.author_key"
                                + " AND r.submitted_at >= :from AND r.submitted_at < :to"
                                + " GROUP BY r.reviewer_key, p.author_key")
                .param("keys", keys)
                .param("from", Rows.utc(from))
                .param("to", Rows.utc(to))
                .query((rs, n) -> new Pair(rs.getString("reviewer_key"), rs.getString("author_key"), rs.getLong("n")))
                .list());
    }

    /**
     * Per repository, the team's pull requests (opened by one of {@code logins} in {@code [from,
     * to)}) and, per person of the team, how many of them they authored or reviewed.
     */
    public List<Participation> participation(Collection<String> logins, Instant from, Instant to) {
        List<String> keys = keys(logins);
        if (keys.isEmpty()) {
            return List.of();
        }
        String teamPulls = "SELECT id, repo, number, author_key FROM github_pull_requests WHERE author_key IN (:keys)"
                + " AND created_at >= :from AND created_at < :to";
        // each team pull request has one author among the logins, so a repository's authored
        // counts add up to its team pull requests: one read of them fewer than a separate total
        record Row(String repo, String login, long pullRequests, long authored) {}
        List<Row> rows = customPlans.run(() -> jdbc.sql("SELECT repo, person, COUNT(DISTINCT id) AS n,"
                        + " COUNT(DISTINCT CASE WHEN own = 1 THEN id END) AS authored FROM ("
                        + " SELECT id, repo, author_key AS person, 1 AS own FROM (" + teamPulls + ") a"
                        + " UNION ALL SELECT p.id, p.repo, r.reviewer_key, 0 FROM (" + teamPulls + ") p"
                        + " JOIN github_reviews r ON r.repo = p.repo AND r.pr_number = p.number"
                        + " WHERE r.reviewer_key IN (:keys) AND r.reviewer_key <> p.author_key) x"
                        + " GROUP BY repo, person")
                .param("keys", keys)
                .param("from", Rows.utc(from))
                .param("to", Rows.utc(to))
                .query((rs, n) ->
                        new Row(rs.getString("repo"), rs.getString("person"), rs.getLong("n"), rs.getLong("authored")))
                .list());
        Map<String, Long> totals = new HashMap<>();
        rows.forEach(r -> totals.merge(r.repo(), r.authored(), Long::sum));
        return rows.stream()
                .map(r -> new Participation(r.repo(), r.login(), r.pullRequests(), totals.get(r.repo())))
                .toList();
    }

    /**
     * {@link #reviewPairs} and {@link #participation} in one statement: both join the team's reviews
     * with the team's pull requests, so the join is made once (a CTE, materialized because it is read
     * twice) and the team's pull requests are read once more for the authored counts instead of
     * twice. On the benchmark data the two statements were most of the team health page's time.
     */
    public Health health(Collection<String> logins, Instant from, Instant to) {
        List<String> keys = keys(logins);
        if (keys.isEmpty()) {
            return new Health(List.of(), List.of());
        }
        String inRange = " >= :from AND %s < :to";
        String sql = "WITH j AS (SELECT r.reviewer_key AS reviewer, p.author_key AS author, p.repo, p.id,"
                + " CASE WHEN r.submitted_at" + inRange.formatted("r.submitted_at")
                + " THEN 1 ELSE 0 END AS reviewed_in,"
                + " CASE WHEN p.created_at" + inRange.formatted("p.created_at") + " THEN 1 ELSE 0 END AS created_in"
                + " FROM github_reviews r JOIN github_pull_requests p ON p.repo = r.repo AND p.number = r.pr_number"
                + " WHERE r.reviewer_key IN (:keys) AND p.author_key IN (:keys) AND r.reviewer_key <> p.author_key"
                + " AND (r.submitted_at" + inRange.formatted("r.submitted_at") + " OR p.created_at"
                + inRange.formatted("p.created_at") + "))"
                + " SELECT 1 AS pair, reviewer AS a, author AS b, COUNT(DISTINCT id) AS n, 0 AS authored FROM j"
                + " WHERE reviewed_in = 1 GROUP BY reviewer, author"
                + " UNION ALL SELECT 0, repo, person, COUNT(DISTINCT id), COUNT(DISTINCT CASE WHEN own = 1 THEN id END)"
                + " FROM (SELECT id, repo, reviewer AS person, 0 AS own FROM j WHERE created_in = 1"
                + " UNION ALL SELECT id, repo, author_key, 1 FROM github_pull_requests WHERE author_key IN (:keys)"
                + " AND created_at" + inRange.formatted("created_at") + ") x GROUP BY repo, person";
        record Row(boolean pair, String a, String b, long n, long authored) {}
        List<Row> rows = customPlans.run(() -> jdbc.sql(sql)
                .param("keys", keys)
                .param("from", Rows.utc(from))
                .param("to", Rows.utc(to))
                .query((rs, i) -> new Row(
                        rs.getInt("pair") == 1,
                        rs.getString("a"),
                        rs.getString("b"),
                        rs.getLong("n"),
                        rs.getLong("authored")))
                .list());
        List<Pair> pairs = new ArrayList<>();
        Map<String, Long> totals = new HashMap<>();
        for (Row r : rows) {
            if (r.pair()) {
                pairs.add(new Pair(r.a(), r.b(), r.n()));
            } else {
                totals.merge(r.a(), r.authored(), Long::sum);
            }
        }
        List<Participation> participation = rows.stream()
                .filter(r -> !r.pair())
                .map(r -> new Participation(r.a(), r.b(), r.n(), totals.get(r.a())))
                .toList();
        return new Health(pairs, participation);
    }

    /** Who reviews whom, and who took part in each repository: see {@link #reviewPairs}, {@link #participation}. */
    public record Health(List<Pair> pairs, List<Participation> participation) {}

    private static List<String> keys(Collection<String> logins) {
        return logins.stream()
                .filter(l -> l != null && !l.isBlank())
                .map(l -> l.strip().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    /** Logins in lower case. */
    public record Pair(String reviewerLogin, String authorLogin, long pullRequests) {}

    /** @param pullRequests of the repository's {@code teamPullRequests}, those the person authored or reviewed */
    public record Participation(String repo, String login, long pullRequests, long teamPullRequests) {}
}
