package dev.worklens.system.db;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
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
        var text = new CopyText(rows.size() * 600);
        for (T row : rows) {
            Object[] v = values.apply(row);
            if (v.length != columns) {
                throw new IllegalArgumentException(v.length + " values for " + columns + " columns");
            }
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    text.separator('\t');
                }
                text.value(v[i]);
            }
            text.separator('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, text.stream());
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

    /**
     * Rows in COPY's text format, written straight as UTF-8 bytes (the driver sends a stream's bytes as
     * they are; a Reader's text it reads back into chars and encodes again, chunk by chunk): {@code \N}
     * for null, backslash escapes for the separators. In UTF-8 those four bytes never occur inside a
     * multi-byte character, so escaping the encoded bytes is escaping the text.
     */
    private static final class CopyText {

        private byte[] bytes;
        private int size;

        CopyText(int capacity) {
            bytes = new byte[Math.max(capacity, 64)];
        }

        void separator(char c) {
            room(1);
            bytes[size++] = (byte) c;
        }

        void value(Object value) {
            if (value == null) {
                ascii("\\N");
            } else if (value instanceof Boolean b) {
                ascii(b ? "t" : "f");
            } else if (value instanceof Number n) {
                ascii(n.toString());
            } else if (value instanceof Instant at) {
                ascii(at.toString()); // its text always carries the seconds, which OffsetDateTime's leaves out at :00
            } else if (value instanceof OffsetDateTime at) {
                ascii(at.toInstant().toString());
            } else if (value instanceof String s) {
                escaped(s.getBytes(StandardCharsets.UTF_8));
            } else {
                // an enum or a record would go in as its toString(), which is rarely the stored code
                throw new IllegalArgumentException(
                        "COPY takes no " + value.getClass().getSimpleName());
            }
        }

        private void ascii(String s) {
            room(s.length());
            for (int i = 0; i < s.length(); i++) {
                bytes[size++] = (byte) s.charAt(i);
            }
        }

        private void escaped(byte[] utf8) {
            room(utf8.length * 2);
            for (byte b : utf8) {
                switch (b) {
                    case '\\' -> pair('\\');
                    case '\n' -> pair('n');
                    case '\r' -> pair('r');
                    case '\t' -> pair('t');
                    default -> bytes[size++] = b;
                }
            }
        }

        private void pair(char escaped) {
            bytes[size++] = '\\';
            bytes[size++] = (byte) escaped;
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        InputStream stream() {
            return new ByteArrayInputStream(bytes, 0, size);
        }
    }
}
