package dev.worklens.reliability;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a sync stored, table by table, as comparable text: rows keyed by their natural keys (never
 * generated ids; members by Slack user id), every content column, and none of the bookkeeping
 * times ({@code stored_at}, {@code updated_at} of work units). Times are read as instants so an
 * H2 and a PostgreSQL database compare equal when they hold the same data.
 */
final class StoredData {

    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put(
                "slack_messages",
                "SELECT team_id, channel_id, ts, thread_ts, user_id, bot_id, bot_username, subtype, text,"
                        + " reply_count, latest_reply, replies_read_to, edited_ts, posted_at, raw FROM slack_messages"
                        + " ORDER BY team_id, channel_id, ts");
        QUERIES.put(
                "slack_mentions",
                "SELECT team_id, channel_id, ts, user_id FROM slack_mentions ORDER BY team_id, channel_id, ts, user_id");
        QUERIES.put(
                "github_pull_requests",
                "SELECT repo, number, title, url, author_login, author_key, state, is_draft, created_at, merged_at,"
                        + " closed_at, updated_at FROM github_pull_requests ORDER BY repo, number");
        QUERIES.put(
                "github_reviews",
                "SELECT review_key, repo, pr_number, reviewer_login, reviewer_key, state, submitted_at, url"
                        + " FROM github_reviews ORDER BY review_key");
        QUERIES.put(
                "work_units",
                "SELECT m.slack_user_id, w.source, w.kind, w.role, w.source_key, w.occurred_at, w.title, w.body,"
                        + " w.url, w.channel, w.repo, w.content_hash, w.category, w.confidence, w.classifier,"
                        + " w.prompt_version, w.classified_hash FROM work_units w JOIN members m ON m.id = w.member_id"
                        + " ORDER BY m.slack_user_id, w.source_key");
    }

    private StoredData() {}

    /** Table name → its rows, each row one line of {@code |}-separated values. */
    static Map<String, List<String>> snapshot(JdbcClient jdbc) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        QUERIES.forEach((table, sql) ->
                tables.put(table, jdbc.sql(sql).query((rs, i) -> row(rs)).list()));
        return tables;
    }

    static int rows(Map<String, List<String>> snapshot) {
        return snapshot.values().stream().mapToInt(List::size).sum();
    }

    static String counts(Map<String, List<String>> snapshot) {
        List<String> parts = new ArrayList<>();
        snapshot.forEach((table, rows) -> parts.add(table + "=" + rows.size()));
        return String.join(", ", parts);
    }

    private static String row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        var line = new StringBuilder();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            int type = meta.getColumnType(c);
            Object value;
            if (type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE) {
                OffsetDateTime time = rs.getObject(c, OffsetDateTime.class);
                value = time == null ? null : time.toInstant();
            } else {
                value = rs.getObject(c);
            }
            line.append(value).append('|');
        }
        return line.toString();
    }
}
