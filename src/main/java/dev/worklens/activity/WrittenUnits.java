package dev.worklens.activity;

import dev.worklens.system.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a member wrote, with the text: standups and Slack messages, newest first, keyset-paged on
 * (occurred_at, id) so a report never loads more bodies than it shows.
 */
@Repository
public class WrittenUnits {

    private static final String COLUMNS =
            "id, kind, role, occurred_at, channel, url, author, body, thread_reply, parent_title, files";

    private final JdbcClient jdbc;

    WrittenUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One unit with its text. {@code body} is as the source stored it (Slack markup for Slack).
     *
     * @param files one {@code name<TAB>url} per line, or null
     */
    public record Written(
            long id,
            UnitKind kind,
            String role,
            Instant at,
            String channel,
            String url,
            String author,
            String body,
            boolean threadReply,
            String parentTitle,
            String files) {}

    /** A position in a newest-first list: the last unit shown. */
    public record After(Instant at, long id) {}

    /** The member's standups in [from, to), newest first, after {@code after} (null for the first page). */
    public List<Written> standups(long memberId, Instant from, Instant to, After after, int limit) {
        return page("kind = 'standup'", List.of(), memberId, from, to, after, limit);
    }

    /** The member's Slack messages other than standups in one channel, newest first. */
    public List<Written> messages(long memberId, Instant from, Instant to, String channel, After after, int limit) {
        return page(
                "source = 'slack' AND kind <> 'standup' AND channel = ?",
                List.of(channel),
                memberId,
                from,
                to,
                after,
                limit);
    }

    /** How many Slack messages other than standups the member has per channel, most first. */
    public Map<String, Long> messageChannels(long memberId, Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT channel, COUNT(*) AS n FROM work_units WHERE member_id = ? AND occurred_at >= ?"
                        + " AND occurred_at < ? AND source = 'slack' AND kind <> 'standup' AND channel IS NOT NULL"
                        + " GROUP BY channel ORDER BY n DESC, channel")
                .params(memberId, Rows.utc(from), Rows.utc(to))
                .query(rs -> {
                    counts.put(rs.getString("channel"), rs.getLong("n"));
                });
        return counts;
    }

    private List<Written> page(
            String condition,
            List<Object> conditionParams,
            long memberId,
            Instant from,
            Instant to,
            After after,
            int limit) {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM work_units WHERE member_id = ?"
                + " AND occurred_at >= ? AND occurred_at < ? AND " + condition);
        List<Object> params = new ArrayList<>(List.of(memberId, Rows.utc(from), Rows.utc(to)));
        params.addAll(conditionParams);
        if (after != null) {
            sql.append(" AND (occurred_at < ? OR (occurred_at = ? AND id < ?))");
            params.add(Rows.utc(after.at()));
            params.add(Rows.utc(after.at()));
            params.add(after.id());
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ").append(Math.max(1, Math.min(limit, 500)));
        return jdbc.sql(sql.toString()).params(params).query(WrittenUnits::map).list();
    }

    private static Written map(ResultSet rs, int row) throws SQLException {
        return new Written(
                rs.getLong("id"),
                UnitKind.of(rs.getString("kind")),
                rs.getString("role"),
                Rows.instant(rs, "occurred_at"),
                rs.getString("channel"),
                rs.getString("url"),
                rs.getString("author"),
                rs.getString("body"),
                rs.getBoolean("thread_reply"),
                rs.getString("parent_title"),
                rs.getString("files"));
    }
}
