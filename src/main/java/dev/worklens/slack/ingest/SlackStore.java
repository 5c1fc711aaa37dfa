package dev.worklens.slack.ingest;

import dev.worklens.slack.client.SlackClient;
import dev.worklens.slack.client.SlackRecords.SlackFile;
import dev.worklens.slack.client.SlackRecords.SlackMessage;
import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slack data as collected: messages raw and extracted, keyed by (team, channel, ts), their
 * mentions, channels, people, usergroups and per-channel cursors. Writes are batched upserts, so a
 * re-read message (an edit, a broadcast reply seen in history and in its thread) updates one row.
 */
@Repository
public class SlackStore {

    private static final List<String> MESSAGE_COLUMNS = List.of(
            "team_id",
            "channel_id",
            "ts",
            "thread_ts",
            "user_id",
            "bot_id",
            "bot_username",
            "subtype",
            "text",
            "reply_count",
            "latest_reply",
            "edited_ts",
            "posted_at",
            "raw",
            "stored_at");

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final Clock clock;
    private static final int ROWS_PER_STATEMENT = 100;

    private final String messageUpsert;
    private volatile String fullChunkUpsert;
    private final String mentionInsert;
    private final String cursorUpsert;

    SlackStore(JdbcTemplate jdbcTemplate, JdbcClient jdbc, SqlDialect dialect, Clock clock) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.clock = clock;
        // replies_read_to and is_standup are not listed: an upsert keeps what the sync learnt
        this.messageUpsert = dialect.upsert("slack_messages", List.of("team_id", "channel_id", "ts"), MESSAGE_COLUMNS);
        // all columns are the key: a MERGE on H2, ON CONFLICT DO NOTHING on PostgreSQL
        this.mentionInsert = dialect.upsert(
                "slack_mentions",
                List.of("team_id", "channel_id", "ts", "user_id"),
                List.of("team_id", "channel_id", "ts", "user_id"));
        this.cursorUpsert = dialect.upsert(
                "slack_channel_cursors",
                "team_id, channel_id",
                "team_id, channel_id, covered_from, covered_to, newest_ts, updated_at");
    }

    /** Stores one page of messages and their mentions; returns the newest ts of the page. */
    @Transactional
    public String saveMessages(String teamId, String channelId, List<SlackMessage> messages) {
        if (messages.isEmpty()) {
            return null;
        }
        var now = Rows.utc(clock.instant());
        // one row per ts: a multi-row upsert may not touch a row twice
        Map<String, SlackMessage> unique = new java.util.LinkedHashMap<>();
        messages.forEach(m -> unique.put(m.ts(), m));
        List<SlackMessage> rows = new ArrayList<>(unique.values());
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<SlackMessage> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            jdbcTemplate.update(messageUpsert(chunk.size()), ps -> {
                int column = 0;
                for (SlackMessage m : chunk) {
                    column = bindMessage(ps, column, teamId, channelId, m, now);
                }
            });
        }
        List<String[]> mentions = new ArrayList<>();
        List<Object[]> edited = new ArrayList<>();
        String newest = null;
        for (SlackMessage m : messages) {
            newest = SlackTs.max(newest, m.ts());
            if (m.editedTs() != null) {
                edited.add(new Object[] {teamId, channelId, m.ts()});
            }
            for (String user : MessageText.mentions(m.text())) {
                mentions.add(new String[] {teamId, channelId, m.ts(), user});
            }
        }
        if (!edited.isEmpty()) {
            // an edit may have removed a mention
            jdbcTemplate.batchUpdate(
                    "DELETE FROM slack_mentions WHERE team_id = ? AND channel_id = ? AND ts = ?", edited);
        }
        if (!mentions.isEmpty()) {
            jdbcTemplate.batchUpdate(mentionInsert, mentions, 1000, (ps, r) -> {
                for (int i = 0; i < 4; i++) ps.setString(i + 1, r[i]);
            });
        }
        return newest;
    }

    /** Binds one message after {@code column}; returns the last column bound. */
    private static int bindMessage(
            PreparedStatement ps, int column, String teamId, String channelId, SlackMessage m, Object now)
            throws SQLException {
        int c = column;
        ps.setString(++c, teamId);
        ps.setString(++c, channelId);
        ps.setString(++c, m.ts());
        ps.setString(++c, m.threadTs());
        ps.setString(++c, m.user());
        ps.setString(++c, m.botId());
        ps.setString(++c, cut(m.botUsername(), 200));
        ps.setString(++c, cut(m.subtype(), 64));
        ps.setString(++c, m.text());
        ps.setInt(++c, m.replyCount());
        ps.setString(++c, m.latestReply());
        ps.setString(++c, m.editedTs());
        ps.setObject(++c, Rows.utc(SlackTs.instant(m.ts())));
        ps.setString(++c, m.raw());
        ps.setObject(++c, now);
        return c;
    }

    /**
     * The upsert for {@code rows} messages in one statement: many rows per round trip is what makes
     * storing fast on PostgreSQL (a JDBC batch still sends one statement per row).
     */
    private String messageUpsert(int rows) {
        if (rows == ROWS_PER_STATEMENT && fullChunkUpsert != null) {
            return fullChunkUpsert;
        }
        String one = "(" + String.join(", ", java.util.Collections.nCopies(MESSAGE_COLUMNS.size(), "?")) + ")";
        String many = String.join(", ", java.util.Collections.nCopies(rows, one));
        String sql = messageUpsert.replace("VALUES " + one, "VALUES " + many);
        if (rows == ROWS_PER_STATEMENT) {
            fullChunkUpsert = sql;
        }
        return sql;
    }

    public Optional<ChannelCursor> cursor(String teamId, String channelId) {
        return jdbc.sql("SELECT covered_from, covered_to, newest_ts FROM slack_channel_cursors"
                        + " WHERE team_id = ? AND channel_id = ?")
                .params(teamId, channelId)
                .query((rs, i) -> new ChannelCursor(
                        Rows.instant(rs, "covered_from"), Rows.instant(rs, "covered_to"), rs.getString("newest_ts")))
                .optional();
    }

    /** How many messages are stored for the channels, whatever their time. */
    public long messageCount(String teamId, Collection<String> channelIds) {
        if (channelIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM slack_messages WHERE team_id = :team AND channel_id IN (:channels)")
                .param("team", teamId)
                .param("channels", channelIds)
                .query(Long.class)
                .single();
    }

    public void saveCursor(String teamId, String channelId, ChannelCursor cursor) {
        jdbc.sql(cursorUpsert)
                .params(
                        teamId,
                        channelId,
                        Rows.utc(cursor.coveredFrom()),
                        Rows.utc(cursor.coveredTo()),
                        cursor.newestTs(),
                        Rows.utc(clock.instant()))
                .update();
    }

    /**
     * Thread parents in [fromTs, toTs) that may hold replies not read yet: replies after
     * {@code repliesAfterTs} exist and {@code latest_reply} moved past what was read. Keyset-paged.
     */
    public List<ThreadToRead> threadsToRead(
            String teamId,
            String channelId,
            String fromTs,
            String toTs,
            String repliesAfterTs,
            String afterTs,
            int limit) {
        return jdbc.sql(
                        "SELECT ts, latest_reply, replies_read_to FROM slack_messages WHERE team_id = ? AND channel_id = ?"
                                + " AND ts >= ? AND ts < ? AND ts > ? AND reply_count > 0 AND (thread_ts IS NULL OR thread_ts = ts)"
                                + " AND (latest_reply IS NULL OR latest_reply >= ?)"
                                + " AND (replies_read_to IS NULL OR latest_reply IS NULL OR latest_reply > replies_read_to)"
                                + " ORDER BY ts LIMIT ?")
                .params(teamId, channelId, fromTs, toTs, afterTs, repliesAfterTs, limit)
                .query((rs, i) -> new ThreadToRead(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * A broadcast reply seen in history shows its thread moved, though the parent was not re-read:
     * raise the parent's {@code latest_reply} so the thread's new replies are read.
     */
    public void threadMoved(String teamId, String channelId, String threadTs, String replyTs) {
        jdbc.sql("UPDATE slack_messages SET latest_reply = ?,"
                        + " reply_count = CASE WHEN reply_count = 0 THEN 1 ELSE reply_count END"
                        + " WHERE team_id = ? AND channel_id = ? AND ts = ?"
                        + " AND (latest_reply IS NULL OR latest_reply < ?)")
                .params(replyTs, teamId, channelId, threadTs, replyTs)
                .update();
    }

    public void markRepliesRead(String teamId, String channelId, String threadTs, String readTo) {
        jdbc.sql("UPDATE slack_messages SET replies_read_to = ? WHERE team_id = ? AND channel_id = ? AND ts = ?")
                .params(readTo, teamId, channelId, threadTs)
                .update();
    }

    /** Distinct bot names posting in a channel, for standup detection. */
    public List<String> botNames(String teamId, String channelId) {
        return jdbc.sql("SELECT DISTINCT bot_username FROM slack_messages WHERE team_id = ? AND channel_id = ?"
                        + " AND bot_username IS NOT NULL")
                .params(teamId, channelId)
                .query(String.class)
                .list();
    }

    /**
     * A page of the channel's messages posted in [from, to), with what their thread's parent is.
     * The range is given as ts bounds (a ts is its posting time and sorts as a string), so every
     * page is one range scan of the primary key in ts order, not a re-sort of the whole range.
     * Each message is read from its raw payload, so extraction (and re-extraction after its rules
     * change) sees what Slack sent, not what an older extraction kept of it.
     */
    public List<StoredMessage> messages(
            String teamId, String channelId, Instant from, Instant to, String afterTs, int limit) {
        String lower = SlackTs.max(afterTs, SlackTs.of(from.minusNanos(1000)));
        return jdbc.sql("SELECT m.ts, m.thread_ts, m.user_id, m.bot_id, m.bot_username, m.subtype, m.text, m.raw,"
                        + " p.bot_username AS parent_bot, p.text AS parent_text FROM slack_messages m"
                        + " LEFT JOIN slack_messages p ON p.team_id = m.team_id AND p.channel_id = m.channel_id"
                        + " AND p.ts = m.thread_ts AND m.thread_ts <> m.ts"
                        + " WHERE m.team_id = ? AND m.channel_id = ? AND m.ts > ? AND m.ts < ?"
                        + " ORDER BY m.ts LIMIT ?")
                .params(teamId, channelId, lower, SlackTs.of(to), limit)
                .query((rs, i) -> {
                    SlackMessage raw = SlackClient.fromRaw(rs.getString("raw"));
                    String parentBot = rs.getString("parent_bot");
                    String parentText = rs.getString("parent_text");
                    if (raw == null || raw.ts() == null) {
                        return new StoredMessage(
                                rs.getString("ts"),
                                rs.getString("thread_ts"),
                                rs.getString("user_id"),
                                rs.getString("bot_id"),
                                rs.getString("bot_username"),
                                rs.getString("subtype"),
                                rs.getString("text"),
                                parentBot,
                                parentText,
                                List.of());
                    }
                    return new StoredMessage(
                            raw.ts(),
                            raw.threadTs(),
                            raw.user(),
                            raw.botId(),
                            raw.botUsername(),
                            raw.subtype(),
                            raw.text(),
                            parentBot,
                            parentText,
                            raw.files());
                })
                .list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public record ChannelCursor(Instant coveredFrom, Instant coveredTo, String newestTs) {}

    public record ThreadToRead(String ts, String latestReply, String repliesReadTo) {}

    public record StoredMessage(
            String ts,
            String threadTs,
            String user,
            String botId,
            String botUsername,
            String subtype,
            String text,
            String parentBotUsername,
            String parentText,
            List<SlackFile> files) {

        public StoredMessage(
                String ts,
                String threadTs,
                String user,
                String botId,
                String botUsername,
                String subtype,
                String text,
                String parentBotUsername) {
            this(ts, threadTs, user, botId, botUsername, subtype, text, parentBotUsername, null, List.of());
        }

        public boolean isReply() {
            return threadTs != null && !threadTs.equals(ts);
        }

        public boolean isBotPost() {
            return botUsername != null && (botId != null || "bot_message".equals(subtype));
        }
    }
}
