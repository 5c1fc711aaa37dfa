package dev.worklens.system.db;

import java.sql.PreparedStatement;
import java.util.List;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * Statements that PostgreSQL plans for their own parameter values at every execution.
 *
 * <p>The PostgreSQL driver prepares a statement on the server from its fifth execution on a
 * connection, and from then on the server may run one generic plan whatever the values. For a page
 * of a member's newest units ({@code member_id = ? AND occurred_at >= ? AND occurred_at < ? ORDER BY
 * occurred_at DESC, id DESC LIMIT 51}) the generic plan guesses 25 rows for any range, so it reads
 * every unit of the member in the range and sorts them (bitmap heap scan and top-N sort: 10 ms warm,
 * 54 ms cold for a year of one member on the 1,000,000-unit benchmark data), where the plan for the
 * actual values walks the (member, time) index backwards for 52 rows (0.1 ms). Planning each time
 * costs about 0.1 ms. H2 has no such switch and runs the statement as usual.
 */
public final class CustomPlans {

    private CustomPlans() {}

    public static PreparedStatementCreator statement(String sql, List<?> params) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            if (statement.isWrapperFor(PGStatement.class)) {
                // 0: never a named server-side statement, so never a generic plan
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            new ArgumentPreparedStatementSetter(params.toArray()).setValues(statement);
            return statement;
        };
    }
}
