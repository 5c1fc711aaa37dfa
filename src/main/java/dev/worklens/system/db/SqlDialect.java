package dev.worklens.system.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The few statements PostgreSQL and H2 spell differently. An upsert is atomic on both:
 * {@code INSERT … ON CONFLICT DO UPDATE} on PostgreSQL, {@code MERGE … KEY} on H2. Only the
 * listed columns are written, so other columns keep their stored values on update.
 */
@Component
public class SqlDialect {

    private final boolean postgres;

    public SqlDialect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            this.postgres =
                    c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("The database is unreachable: " + e.getMessage(), e);
        }
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Positional parameters in the order of {@code columns}. */
    public String upsert(String table, List<String> keys, List<String> columns) {
        String cols = String.join(", ", columns);
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        if (!postgres) {
            return "MERGE INTO " + table + " (" + cols + ") KEY (" + String.join(", ", keys) + ") VALUES (" + marks
                    + ")";
        }
        String updates = columns.stream()
                .filter(c -> !keys.contains(c))
                .map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ") ON CONFLICT (" + String.join(", ", keys)
                + ") " + (updates.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + updates);
    }

    public String upsert(String table, String keys, String columns) {
        return upsert(table, split(keys), split(columns));
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).toList();
    }
}
