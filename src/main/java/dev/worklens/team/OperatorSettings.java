package dev.worklens.team;

import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An operator's own named settings ({@code app_settings}, a team table): other modules keep their
 * per-operator choices here under their own prefix (e.g. {@code slack.ignored_channels}) instead of
 * naming the table.
 */
@Repository
public class OperatorSettings {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String upsert;

    OperatorSettings(JdbcClient jdbc, Clock clock, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.upsert =
                dialect.upsert("app_settings", "operator_id, name", "operator_id, name, setting_value, updated_at");
    }

    public Optional<String> value(long operatorId, String name) {
        return jdbc.sql("SELECT setting_value FROM app_settings WHERE operator_id = ? AND name = ?")
                .params(operatorId, name)
                .query(String.class)
                .optional();
    }

    public void save(long operatorId, String name, String value) {
        jdbc.sql(upsert)
                .params(operatorId, name, value, Rows.utc(clock.instant()))
                .update();
    }
}
