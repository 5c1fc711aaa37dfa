package dev.worklens.classify;

import dev.worklens.activity.UnitLabels;
import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
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
 * The units awaiting a label (read and labelled through activity's {@link UnitLabels}) and the
 * label cache in {@code classifications}. A unit needs a label when its text changed since it was
 * labelled; it waits for Claude while its label is offline or from an older prompt. Units seen
 * only in a channel the operator synced for themselves (role {@code channel}) stay offline, which
 * keeps the cost of Claude to the team's own work.
 */
@Repository
class PendingUnits {

    private final UnitLabels units;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final String remember;

    PendingUnits(UnitLabels units, JdbcClient jdbc, JdbcTemplate template, SqlDialect dialect) {
        this.units = units;
        this.jdbc = jdbc;
        this.template = template;
        this.remember = dialect.upsert(
                "classifications",
                "content_hash, prompt_version",
                "content_hash, prompt_version, classifier, category, confidence, short_title, created_at");
    }

    List<UnitLabels.Text> changed(Collection<Long> members, long afterId, int limit) {
        return units.changed(members, afterId, limit);
    }

    List<UnitLabels.Text> awaitingClaude(Collection<Long> members, String promptVersion, long afterId, int limit) {
        return units.awaitingRelabel(members, OfflineClassifier.ID, promptVersion, afterId, limit);
    }

    List<Long> membersAwaitingClaude(String promptVersion) {
        return units.membersAwaitingRelabel(OfflineClassifier.ID, promptVersion);
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
    void apply(List<UnitLabels.Text> pending, Map<String, Label> labels) {
        units.label(pending.stream()
                .filter(u -> labels.containsKey(u.contentHash()))
                .map(u -> {
                    Label label = labels.get(u.contentHash());
                    return new UnitLabels.Label(
                            u.id(),
                            u.contentHash(),
                            label.category().wire(),
                            label.confidence(),
                            label.classifier(),
                            label.promptVersion());
                })
                .toList());
    }
}
