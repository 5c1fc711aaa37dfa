package dev.worklens.classify;

import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The classification state in {@code work_units} and the label cache in {@code classifications}.
 * A unit needs a label when its text changed since it was labelled ({@code classified_hash});
 * it waits for Claude while its label is offline or from an older prompt. Units seen only in a
 * channel the operator synced for themselves (role {@code channel}) stay offline, which keeps the
 * cost of Claude to the team's own work.
 */
@Repository
class PendingUnits {

    private static final String UNIT = "id, content_hash, source, kind, role, title, body, channel, repo";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final String remember;

    PendingUnits(JdbcClient jdbc, JdbcTemplate template, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.template = template;
        this.remember = dialect.upsert(
                "classifications",
                "content_hash, prompt_version",
                "content_hash, prompt_version, classifier, category, confidence, short_title, created_at");
    }

    List<UnitText> changed(Collection<Long> members, long afterId, int limit) {
        return jdbc.sql("SELECT " + UNIT + " FROM work_units WHERE member_id IN (:members)"
                        + " AND (classified_hash IS NULL OR classified_hash <> content_hash)"
                        + " AND id > :after ORDER BY id LIMIT :limit")
                .param("members", members)
                .param("after", afterId)
                .param("limit", limit)
                .query(PendingUnits::unit)
                .list();
    }

    List<UnitText> awaitingClaude(Collection<Long> members, String promptVersion, long afterId, int limit) {
        return jdbc.sql("SELECT " + UNIT + " FROM work_units WHERE member_id IN (:members) AND role <> 'channel'"
                        + " AND classified_hash = content_hash"
                        + " AND (classifier = :offline OR prompt_version <> :version)"
                        + " AND id > :after ORDER BY id LIMIT :limit")
                .param("members", members)
                .param("offline", OfflineClassifier.ID)
                .param("version", promptVersion)
                .param("after", afterId)
                .param("limit", limit)
                .query(PendingUnits::unit)
                .list();
    }

    List<Long> membersAwaitingClaude(String promptVersion) {
        return jdbc.sql("SELECT DISTINCT member_id FROM work_units WHERE role <> 'channel' AND (classified_hash IS NULL"
                        + " OR classified_hash <> content_hash OR classifier = :offline OR prompt_version <> :version)")
                .param("offline", OfflineClassifier.ID)
                .param("version", promptVersion)
                .query(Long.class)
                .list();
    }

    Map<String, Label> cached(Collection<String> hashes, String promptVersion) {
        Map<String, Label> labels = new HashMap<>();
        if (hashes.isEmpty()) {
            return labels;
        }
        jdbc.sql("SELECT content_hash, classifier, category, confidence, short_title FROM classifications"
                        + " WHERE prompt_version = :version AND content_hash IN (:hashes)")
                .param("version", promptVersion)
                .param("hashes", hashes)
                .query(rs -> {
                    String hash = rs.getString("content_hash");
                    double confidence = rs.getDouble("confidence");
                    String shortTitle = rs.getString("short_title");
                    String classifier = rs.getString("classifier");
                    // a row written by an older build with a category we no longer know is ignored
                    Category.fromWire(rs.getString("category"))
                            .ifPresent(category -> labels.put(
                                    hash, new Label(category, confidence, shortTitle, classifier, promptVersion)));
                });
        return labels;
    }

    void remember(Map<String, Label> labels, Instant now) {
        List<Map.Entry<String, Label>> rows = new ArrayList<>(labels.entrySet());
        template.batchUpdate(remember, rows, 500, (ps, row) -> {
            Label label = row.getValue();
            ps.setString(1, row.getKey());
            ps.setString(2, label.promptVersion());
            ps.setString(3, label.classifier());
            ps.setString(4, label.category().wire());
            ps.setDouble(5, label.confidence());
            ps.setString(6, label.shortTitle());
            ps.setObject(7, Rows.utc(now));
        });
    }

    /** Writes labels onto units whose text is still the text that was labelled. */
    void apply(List<UnitText> units, Map<String, Label> labels) {
        List<UnitText> labelled =
                units.stream().filter(u -> labels.containsKey(u.contentHash())).toList();
        template.batchUpdate(
                "UPDATE work_units SET category = ?, confidence = ?, classifier = ?, prompt_version = ?,"
                        + " classified_hash = ? WHERE id = ? AND content_hash = ?",
                labelled,
                500,
                (ps, unit) -> {
                    Label label = labels.get(unit.contentHash());
                    ps.setString(1, label.category().wire());
                    ps.setDouble(2, label.confidence());
                    ps.setString(3, label.classifier());
                    ps.setString(4, label.promptVersion());
                    ps.setString(5, unit.contentHash());
                    ps.setLong(6, unit.id());
                    ps.setString(7, unit.contentHash());
                });
    }

    private static UnitText unit(ResultSet rs, int row) throws SQLException {
        return new UnitText(
                rs.getLong("id"),
                rs.getString("content_hash"),
                rs.getString("source"),
                rs.getString("kind"),
                rs.getString("role"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("channel"),
                rs.getString("repo"));
    }
}
