package dev.worklens.github.ingest;

import dev.worklens.system.db.SqlDialect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the per-login, per-UTC-day tallies of pull requests opened, merged and reviewed
 * ({@code github_pull_request_days}, {@code github_review_days}) equal to the rows they count. A
 * login's tallies are recomputed whole from its rows whenever one of its pull requests or reviews
 * is written with a different login or time, or deleted: one grouped read of the login's rows,
 * never an increment that a re-sync could apply twice. The statements are those of V130, which
 * filled the tallies for rows stored before.
 */
public class DayTallies {

    private static final int CHUNK = 200;

    private static final String PULL_DAYS = "INSERT INTO github_pull_request_days (login_key, utc_day, created, merged)"
            + " SELECT login_key, utc_day, SUM(created), SUM(merged) FROM ("
            + " SELECT author_key AS login_key, CAST(created_at AT TIME ZONE 'UTC' AS DATE) AS utc_day, 1 AS created,"
            + " 0 AS merged FROM github_pull_requests WHERE author_key IN (:logins)"
            + " UNION ALL"
            + " SELECT author_key AS login_key, CAST(merged_at AT TIME ZONE 'UTC' AS DATE) AS utc_day, 0 AS created,"
            + " 1 AS merged FROM github_pull_requests WHERE author_key IN (:logins) AND merged_at IS NOT NULL"
            + ") x GROUP BY login_key, utc_day";

    // a review of one's own pull request is not reviewing (PullRequestQueries says so for the raw
    // rows); each pull request counts once per day, with the day of the login's review of it before
    private static final String REVIEW_DAYS = "INSERT INTO github_review_days (login_key, utc_day, prev_utc_day, pulls)"
            + " SELECT login_key, utc_day, prev_utc_day, COUNT(*) FROM ("
            + " SELECT login_key, utc_day, LAG(utc_day) OVER (PARTITION BY login_key, repo, pr_number ORDER BY utc_day) AS prev_utc_day"
            + " FROM (SELECT DISTINCT r.reviewer_key AS login_key, r.repo, r.pr_number,"
            + " CAST(r.submitted_at AT TIME ZONE 'UTC' AS DATE) AS utc_day FROM github_reviews r"
            + " WHERE r.reviewer_key IN (:logins) AND NOT EXISTS (SELECT 1 FROM github_pull_requests p"
            + " WHERE p.repo = r.repo AND p.number = r.pr_number AND p.author_key = r.reviewer_key)) g"
            + ") l GROUP BY login_key, utc_day, prev_utc_day";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final String lockRow;

    public DayTallies(JdbcTemplate jdbcTemplate, SqlDialect dialect) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        // joins the caller's transaction on the same data source, else opens one
        this.transaction = new TransactionTemplate(
                new DataSourceTransactionManager(Objects.requireNonNull(jdbcTemplate.getDataSource())));
        this.lockRow = dialect.upsert("github_day_tally_locks", "login_key", "login_key");
    }

    /** Recomputes the tallies of these logins (lower-case keys) from their stored rows. */
    public void refresh(Collection<String> loginKeys) {
        List<String> keys = new ArrayList<>(new TreeSet<>(
                loginKeys.stream().filter(k -> k != null && !k.isBlank()).toList()));
        for (int i = 0; i < keys.size(); i += CHUNK) {
            List<String> chunk = keys.subList(i, Math.min(keys.size(), i + CHUNK));
            transaction.executeWithoutResult(status -> refreshChunk(chunk));
        }
    }

    /**
     * Recomputes every login's tallies, those of logins without rows any more included; what an
     * upgrade does once for rows written without tallies. Returns how many logins it went through.
     */
    public int refreshAll() {
        List<String> logins = jdbc.sql("SELECT author_key AS login_key FROM github_pull_requests"
                        + " WHERE author_key IS NOT NULL"
                        + " UNION SELECT reviewer_key AS login_key FROM github_reviews"
                        + " UNION SELECT login_key FROM github_pull_request_days"
                        + " UNION SELECT login_key FROM github_review_days")
                .query(String.class)
                .list();
        refresh(logins);
        return logins.size();
    }

    private void refreshChunk(List<String> keys) {
        // sorted, so two writers lock shared logins in the same order; the lock is held to commit
        for (String key : keys) {
            jdbc.sql(lockRow).param(key).update();
        }
        jdbc.sql("SELECT login_key FROM github_day_tally_locks WHERE login_key IN (:logins) ORDER BY login_key"
                        + " FOR UPDATE")
                .param("logins", keys)
                .query(String.class)
                .list();
        jdbc.sql("DELETE FROM github_pull_request_days WHERE login_key IN (:logins)")
                .param("logins", keys)
                .update();
        jdbc.sql("DELETE FROM github_review_days WHERE login_key IN (:logins)")
                .param("logins", keys)
                .update();
        jdbc.sql(PULL_DAYS).param("logins", keys).update();
        jdbc.sql(REVIEW_DAYS).param("logins", keys).update();
    }
}
