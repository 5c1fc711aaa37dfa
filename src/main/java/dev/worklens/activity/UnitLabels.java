package dev.worklens.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The classification state of work units, for the classifier: which units need a label and
 * writing labels onto them. A unit needs a label when its text changed since it was labelled
 * ({@code classified_hash}); it waits for a better classifier while its label is from the given
 * fallback classifier or an older prompt. Units seen only in a channel the operator synced for
 * themselves (role {@code channel}) are never relabelled.
 */
@Repository
public class UnitLabels {

    private static final String TEXT = "id, content_hash, source, kind, role, title, body, channel, repo";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    UnitLabels(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** What a classifier reads of a unit. */
    public record Text(
            long id,
            String contentHash,
            String source,
            UnitKind kind,
            String role,
            String title,
            String body,
            String channel,
            String repo) {}

    /** A label for the unit {@code id} as it was when its text hashed to {@code contentHash}. */
    public record Label(
            long id, String contentHash, String category, double confidence, String classifier, String promptVersion) {}

    /** The members' units never labelled or whose text changed since, by id after {@code afterId}. */
    public List<Text> changed(Collection<Long> members, long afterId, int limit) {
        return jdbc.sql("SELECT " + TEXT + " FROM work_units WHERE member_id IN (:members)"
                        + " AND (classified_hash IS NULL OR classified_hash <> content_hash)"
                        + " AND id > :after ORDER BY id LIMIT :limit")
                .param("members", members)
                .param("after", afterId)
                .param("limit", limit)
                .query(UnitLabels::text)
                .list();
    }

    /**
     * The members' labelled units (channel units aside) whose label is by {@code fallback} or
     * from a prompt other than {@code promptVersion}, by id after {@code afterId}.
     */
    public List<Text> awaitingRelabel(
            Collection<Long> members, String fallback, String promptVersion, long afterId, int limit) {
        return jdbc.sql("SELECT " + TEXT + " FROM work_units WHERE member_id IN (:members) AND role <> 'channel'"
                        + " AND classified_hash = content_hash"
                        + " AND (classifier = :fallback OR prompt_version <> :version)"
                        + " AND id > :after ORDER BY id LIMIT :limit")
                .param("members", members)
                .param("fallback", fallback)
                .param("version", promptVersion)
                .param("after", afterId)
                .param("limit", limit)
                .query(UnitLabels::text)
                .list();
    }

    /** Members with a unit (channel units aside) that is unlabelled, changed, or awaiting a relabel. */
    public List<Long> membersAwaitingRelabel(String fallback, String promptVersion) {
        return jdbc.sql(
                        "SELECT DISTINCT member_id FROM work_units WHERE role <> 'channel' AND (classified_hash IS NULL"
                                + " OR classified_hash <> content_hash OR classifier = :fallback OR prompt_version <> :version)")
                .param("fallback", fallback)
                .param("version", promptVersion)
                .query(Long.class)
                .list();
    }

    /** Writes labels onto units whose text is still the text that was labelled. */
    public void label(List<Label> labels) {
        template.batchUpdate(
                "UPDATE work_units SET category = ?, confidence = ?, classifier = ?, prompt_version = ?,"
                        + " classified_hash = ? WHERE id = ? AND content_hash = ?",
                labels,
                500,
                (ps, label) -> {
                    ps.setString(1, label.category());
                    ps.setDouble(2, label.confidence());
                    ps.setString(3, label.classifier());
                    ps.setString(4, label.promptVersion());
                    ps.setString(5, label.contentHash());
                    ps.setLong(6, label.id());
                    ps.setString(7, label.contentHash());
                });
    }

    private static Text text(ResultSet rs, int row) throws SQLException {
        return new Text(
                rs.getLong("id"),
                rs.getString("content_hash"),
                rs.getString("source"),
                UnitKind.of(rs.getString("kind")),
                rs.getString("role"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("channel"),
                rs.getString("repo"));
    }
}
