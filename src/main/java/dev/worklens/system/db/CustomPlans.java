package dev.worklens.system.db;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.function.Supplier;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Statements that PostgreSQL plans for their own parameter values at every execution.
 *
 * <p>The PostgreSQL driver prepares a statement on the server from its fifth execution on a
 * connection, and from then on the server may run one generic plan whatever the values, when that
 * looks cheaper. For skewed data the generic plan can be far worse:
 *
 * <ul>
 *   <li>a team's GitHub counts for 50 logins and a year: the generic plan guesses 250 reviews
 *       instead of 45,000 and probes the pull-request key once per review (EXPLAIN of the
 *       overview's reviewed count on the benchmark data: 183,800 buffers and 1.4 s generic, 1,800
 *       buffers custom);
 *   <li>a page of a member's newest units ({@code member_id = ? AND occurred_at >= ? AND
 *       occurred_at < ? ORDER BY occurred_at DESC, id DESC LIMIT 51}): the generic plan guesses 25
 *       rows for any range, so it reads and sorts every unit of the member in the range (10 ms warm,
 *       54 ms cold for a year on the 1,000,000-unit benchmark data) where the custom plan walks the
 *       (member, time) index backwards for 52 rows (0.1 ms).
 * </ul>
 *
 * <p>Planning each time costs about 0.1 ms. {@link #run} covers every statement of a piece of work
 * (in one read-only transaction); {@link #statement} covers one statement without a transaction of
 * its own. H2 has no such switch and runs the statements as usual.
 */
@Component
public class CustomPlans {

    private final SqlDialect dialect;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    CustomPlans(SqlDialect dialect, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.dialect = dialect;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setReadOnly(true);
    }

    /** Runs the work's statements with custom plans on PostgreSQL. */
    public <T> T run(Supplier<T> work) {
        if (!dialect.isPostgres()) {
            return work.get();
        }
        // SET LOCAL ends with the transaction, so no pooled connection keeps the setting
        return transaction.execute(status -> {
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
            return work.get();
        });
    }

    /** One statement that is never prepared on the server, so never run with a generic plan. */
    public static PreparedStatementCreator statement(String sql, List<?> params) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            if (statement.isWrapperFor(PGStatement.class)) {
                // 0: never a named server-side statement
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            new ArgumentPreparedStatementSetter(params.toArray()).setValues(statement);
            return statement;
        };
    }
}
