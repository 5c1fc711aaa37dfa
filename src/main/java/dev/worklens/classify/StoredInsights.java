package dev.worklens.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Claude's insights per member and range, with the hash of the units they were written from. */
@Repository
class StoredInsights {

    record Stored(String unitsHash, String promptVersion, Insights insights) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> LINES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final String upsert;

    StoredInsights(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.upsert = dialect.upsert(
                "insights",
                "member_id, range_from, range_to",
                "member_id, range_from, range_to, units_hash, generator, prompt_version, summary, highlights,"
                        + " watch_items, alignment, created_at");
    }

    Optional<Stored> find(long memberId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT units_hash, generator, prompt_version, summary, highlights, watch_items, alignment"
                        + " FROM insights WHERE member_id = ? AND range_from = ? AND range_to = ?")
                .params(memberId, from, to)
                .query((rs, row) -> new Stored(
                        rs.getString("units_hash"),
                        rs.getString("prompt_version"),
                        new Insights(
                                rs.getString("summary"),
                                lines(rs.getString("highlights")),
                                lines(rs.getString("watch_items")),
                                rs.getString("alignment"),
                                rs.getString("generator"))))
                .optional();
    }

    void save(long memberId, LocalDate from, LocalDate to, String unitsHash, Insights insights, Instant now) {
        jdbc.sql(upsert)
                .params(
                        memberId,
                        from,
                        to,
                        unitsHash,
                        insights.generator(),
                        InsightsTool.PROMPT_VERSION,
                        insights.summary(),
                        json(insights.highlights()),
                        json(insights.watchItems()),
                        insights.alignment(),
                        Rows.utc(now))
                .update();
    }

    private static String json(List<String> lines) {
        try {
            return JSON.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(String json) {
        try {
            return JSON.readValue(json, LINES);
        } catch (JsonProcessingException e) {
            // a row this build cannot read is treated as absent lines, not as a broken report
            return List.of();
        }
    }
}
