package dev.worklens.slack.ingest;

import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which version of the Slack extraction rules the stored work units come from ({@code slack_extraction}). */
@Repository
public class ExtractionState {

    /**
     * Raise this when a change to extraction makes stored units out of date; the next start-up then
     * re-extracts. 2: bodies as Slack markup with names, author, thread flag, files, hand-posted standups.
     */
    public static final int RULES_VERSION = 2;

    private final JdbcClient jdbc;
    private final String upsert;

    ExtractionState(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.upsert = dialect.upsert(
                "slack_extraction", "id", "id, rules_version, extracted_at, messages, work_units, seconds");
    }

    public record Last(int rulesVersion, Instant at, long messages, long workUnits, Double seconds) {}

    public Optional<Last> last() {
        return jdbc.sql("SELECT rules_version, extracted_at, messages, work_units, seconds FROM slack_extraction"
                        + " WHERE id = 1")
                .query((rs, i) -> new Last(
                        rs.getInt(1),
                        Rows.instant(rs, "extracted_at"),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getObject(5) == null ? null : rs.getDouble(5)))
                .optional();
    }

    void record(int version, Instant at, Reextraction.Result result) {
        jdbc.sql(upsert)
                .params(1, version, Rows.utc(at), result.messages(), result.workUnits(), result.seconds())
                .update();
    }

    /** Whether any Slack message is stored at all: an empty database needs no re-extraction. */
    boolean anyMessages() {
        return jdbc.sql("SELECT 1 FROM slack_messages LIMIT 1")
                .query(Integer.class)
                .optional()
                .isPresent();
    }
}
