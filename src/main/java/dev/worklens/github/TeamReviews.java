package dev.worklens.github;

import dev.worklens.system.db.CustomPlans;
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
     * Who reviews whom and who took part where, among {@code logins}: per reviewer and author, the
     * author's pull requests the reviewer reviewed (at least one review submitted in {@code [from,
     * to)}; reviews of one's own pull requests are not reviewing); and per repository, the team's
     * pull requests (opened by one of {@code logins} in {@code [from, to)}) and, per person of the
     * team, how many of them they authored or reviewed. One statement: both join the team's reviews
     * with the team's pull requests, so the join is made once (a CTE, materialized because it is
     * read twice). Two separate statements took 540 ms p50 against 359 ms for this one in the same
     * benchmark run (shared machine, load average about 10; docs/benchmarks.md, issue 16).
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
                // distinct rows first, then plain counts: COUNT(DISTINCT …) sorted 34,000 rows on
                // collated text, most of the statement's time in EXPLAIN; DISTINCT may hash. A
                // person is never both author and reviewer of one pull request, so per repository
                // and person the distinct rows are the distinct pull requests, and own adds up the
                // authored ones.
                + " SELECT 1 AS pair, reviewer AS a, author AS b, COUNT(*) AS n, 0 AS authored"
                + " FROM (SELECT DISTINCT reviewer, author, id FROM j WHERE reviewed_in = 1) d GROUP BY reviewer, author"
                + " UNION ALL SELECT 0, repo, person, COUNT(*), SUM(own) FROM (SELECT DISTINCT id, repo, person, own FROM"
                + " (SELECT id, repo, reviewer AS person, 0 AS own FROM j WHERE created_in = 1"
                + " UNION ALL SELECT id, repo, author_key, 1 FROM github_pull_requests WHERE author_key IN (:keys)"
                + " AND created_at" + inRange.formatted("created_at") + ") x) d GROUP BY repo, person";
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

    /** Who reviews whom, and who took part in each repository's pull requests. */
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
