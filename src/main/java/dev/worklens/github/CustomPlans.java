package dev.worklens.github;

import dev.worklens.system.db.SqlDialect;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a team's statements with plans made for their actual parameters on PostgreSQL. After five
 * executions of a statement pgjdbc prepares it on the server, and PostgreSQL then reuses a generic
 * plan when that looks cheaper; for 50 logins and a year the generic plan guesses 250 reviews
 * instead of 45,000 and probes the pull-request key once per review. EXPLAIN of the overview's
 * reviewed count on the benchmark data: 183,800 buffers and 1.4 s generic, 1,800 buffers custom.
 */
@Component
class CustomPlans {

    private final SqlDialect dialect;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    CustomPlans(SqlDialect dialect, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.dialect = dialect;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setReadOnly(true);
    }

    <T> T run(Supplier<T> work) {
        if (!dialect.isPostgres()) {
            return work.get();
        }
        // SET LOCAL ends with the transaction, so no pooled connection keeps the setting
        return transaction.execute(status -> {
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
            return work.get();
        });
    }
}
