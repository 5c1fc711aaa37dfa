package dev.worklens.github;

import dev.worklens.system.db.SqlDialect;

/**
 * Joins a review {@code r} to its pull request {@code p}. On PostgreSQL a LATERAL subquery with
 * LIMIT 1 makes the planner probe the (repo, number) key once per review; a plain join lets it
 * choose a hash join over the whole pull-request table, which measured 100 ms per report at
 * 100,000 pull requests. H2 has no LATERAL and already probes the key for the plain join.
 */
final class PullRequestJoin {

    private PullRequestJoin() {}

    static String leftJoin(SqlDialect dialect, String columns) {
        if (dialect.isPostgres()) {
            return " LEFT JOIN LATERAL (SELECT " + columns + " FROM github_pull_requests pr"
                    + " WHERE pr.repo = r.repo AND pr.number = r.pr_number LIMIT 1) p ON TRUE";
        }
        return " LEFT JOIN github_pull_requests p ON p.repo = r.repo AND p.number = r.pr_number";
    }
}
