package dev.worklens.system.db;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * Inserts rows with PostgreSQL's {@code COPY … FROM STDIN} on the current transaction's connection:
 * the rows travel as one text stream and the server inserts them in bulk, instead of binding and
 * executing a statement per row or per hundred rows. PostgreSQL only.
 *
 * <p>COPY has no {@code ON CONFLICT}: when a row collides with a unique key (someone stored it since
 * the caller looked), the copy is rolled back to a savepoint and {@link #insert} answers false, so
 * the caller can insert the rows with a statement that skips conflicts.
 */
public final class CopyIn {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final String sql;
    private final int columns;

    public CopyIn(DataSource dataSource, String table, List<String> columns) {
        this.dataSource = dataSource;
        this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        this.columns = columns.size();
    }

    /**
     * Copies the rows in; {@code values} gives a row's values in column order (String, Number,
     * Boolean, Instant, OffsetDateTime or null; anything else is refused).
     *
     * @return false when a row collided with a unique key and nothing was inserted
     */
    public <T> boolean insert(List<T> rows, Function<T, Object[]> values) {
        if (rows.isEmpty()) {
            return true;
        }
        var text = new StringBuilder(rows.size() * 512);
        for (T row : rows) {
            Object[] v = values.apply(row);
            if (v.length != columns) {
                throw new IllegalArgumentException(v.length + " values for " + columns + " columns");
            }
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                append(text, v[i]);
            }
            text.append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
            try {
                // as UTF-8 bytes: the driver then sends them as they are (a Reader it would read back
                // into chars and encode again, chunk by chunk)
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(bytes));
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
                return false;
            }
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return true;
        } catch (SQLException e) {
            throw new SQLStateSQLExceptionTranslator().translate("COPY", sql, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** One value in COPY's text format: {@code \N} for null, backslash escapes for the separators. */
    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof Number n) {
            out.append(n);
        } else if (value instanceof Instant at) {
            out.append(at); // its text always carries the seconds, which OffsetDateTime's leaves out at :00
        } else if (value instanceof OffsetDateTime at) {
            out.append(at.toInstant());
        } else if (!(value instanceof String s)) {
            // an enum or a record would go in as its toString(), which is rarely the stored code
            throw new IllegalArgumentException(
                    "COPY takes no " + value.getClass().getSimpleName());
        } else if (plain(s)) {
            out.append(s);
        } else {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(c);
                }
            }
        }
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\n' || c == '\r' || c == '\t') {
                return false;
            }
        }
        return true;
    }
}
