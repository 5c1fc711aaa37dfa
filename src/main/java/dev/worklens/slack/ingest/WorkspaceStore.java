package dev.worklens.slack.ingest;

import dev.worklens.slack.client.SlackRecords;
import dev.worklens.slack.client.SlackRecords.SlackChannel;
import dev.worklens.slack.client.SlackRecords.SlackPerson;
import dev.worklens.slack.client.SlackRecords.SlackUsergroup;
import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import dev.worklens.team.Member;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace around the messages: channels (and which are standup channels), people and
 * usergroups, kept for rendering names and handles and for matching standup posts to people.
 */
@Repository
public class WorkspaceStore {

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String channelUpsert;
    private final String userUpsert;
    private final String groupUpsert;

    WorkspaceStore(JdbcTemplate jdbcTemplate, JdbcClient jdbc, SqlDialect dialect, Clock clock) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.clock = clock;
        this.channelUpsert = dialect.upsert(
                "slack_channels",
                "team_id, channel_id",
                "team_id, channel_id, name, is_private, is_archived, updated_at");
        this.userUpsert = dialect.upsert(
                "slack_users",
                "team_id, user_id",
                "team_id, user_id, display_name, real_name, email, is_bot, deleted, updated_at");
        this.groupUpsert = dialect.upsert(
                "slack_usergroups", "team_id, usergroup_id", "team_id, usergroup_id, handle, name, updated_at");
    }

    @Transactional
    public void saveChannels(String teamId, List<SlackChannel> channels) {
        var now = Rows.utc(clock.instant());
        jdbcTemplate.batchUpdate(channelUpsert, channels, 500, (ps, c) -> {
            ps.setString(1, teamId);
            ps.setString(2, c.id());
            ps.setString(3, cut(c.name(), 200));
            ps.setBoolean(4, c.isPrivate());
            ps.setBoolean(5, c.isArchived());
            ps.setObject(6, now);
        });
    }

    /** The channels the operator's token is a member of now, replacing what their last sync recorded. */
    @Transactional
    public void saveOperatorChannels(long operatorId, String teamId, List<String> channelIds) {
        jdbc.sql("DELETE FROM slack_operator_channels WHERE operator_id = ? AND team_id = ?")
                .params(operatorId, teamId)
                .update();
        jdbcTemplate.batchUpdate(
                "INSERT INTO slack_operator_channels (operator_id, team_id, channel_id) VALUES (?, ?, ?)",
                channelIds.stream().distinct().toList(),
                500,
                (ps, id) -> {
                    ps.setLong(1, operatorId);
                    ps.setString(2, teamId);
                    ps.setString(3, id);
                });
    }

    public void markStandup(String teamId, String channelId, boolean standup) {
        jdbc.sql("UPDATE slack_channels SET is_standup = ? WHERE team_id = ? AND channel_id = ?")
                .params(standup, teamId, channelId)
                .update();
    }

    /** Sets the flag of every channel of the workspace at once: true for {@code standup}, false for the rest. */
    @Transactional
    public void markStandups(String teamId, java.util.Collection<String> standup) {
        jdbc.sql("UPDATE slack_channels SET is_standup = FALSE WHERE team_id = ? AND is_standup = TRUE")
                .param(teamId)
                .update();
        jdbcTemplate.batchUpdate(
                "UPDATE slack_channels SET is_standup = TRUE WHERE team_id = ? AND channel_id = ?",
                List.copyOf(standup),
                500,
                (ps, id) -> {
                    ps.setString(1, teamId);
                    ps.setString(2, id);
                });
    }

    /**
     * The channels the operator was a member of at their last sync, or empty when none was recorded
     * (a sync before that was kept).
     */
    public java.util.Set<String> operatorChannels(long operatorId, String teamId) {
        return new java.util.HashSet<>(
                jdbc.sql("SELECT channel_id FROM slack_operator_channels WHERE operator_id = ? AND team_id = ?")
                        .params(operatorId, teamId)
                        .query(String.class)
                        .list());
    }

    @Transactional
    public void savePeople(String teamId, List<SlackPerson> people) {
        var now = Rows.utc(clock.instant());
        jdbcTemplate.batchUpdate(userUpsert, people, 500, (ps, p) -> {
            ps.setString(1, teamId);
            ps.setString(2, p.id());
            ps.setString(3, cut(p.displayName(), 200));
            ps.setString(4, cut(p.realName(), 200));
            ps.setString(5, cut(p.email(), 320));
            ps.setBoolean(6, p.bot());
            ps.setBoolean(7, p.deleted());
            ps.setObject(8, now);
        });
    }

    @Transactional
    public void saveUsergroups(String teamId, List<SlackUsergroup> groups) {
        var now = Rows.utc(clock.instant());
        jdbcTemplate.batchUpdate(groupUpsert, groups, 500, (ps, g) -> {
            ps.setString(1, teamId);
            ps.setString(2, g.id());
            ps.setString(3, cut(g.handle() == null ? g.id() : g.handle(), 200));
            ps.setString(4, cut(g.name(), 200));
            ps.setObject(5, now);
        });
    }

    /** Names to render {@code <@U…>} with: display name, else real name. */
    public Map<String, String> userNames(String teamId) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("SELECT user_id, display_name, real_name FROM slack_users WHERE team_id = ?")
                .param(teamId)
                .query(rs -> {
                    String display = rs.getString("display_name");
                    String name = display != null && !display.isBlank() ? display : rs.getString("real_name");
                    if (name != null) names.put(rs.getString("user_id"), name);
                });
        return names;
    }

    /** Every display and real name of the workspace's people, lower-cased, for standup detection. */
    public List<String> personNames(String teamId) {
        return jdbc
                .sql("SELECT display_name, real_name FROM slack_users WHERE team_id = ? AND is_bot = FALSE")
                .param(teamId)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .list()
                .stream()
                .flatMap(Arrays::stream)
                .filter(n -> n != null && !n.isBlank())
                .map(Member::nameKey)
                .toList();
    }

    public Map<String, String> usergroupHandles(String teamId) {
        Map<String, String> handles = new HashMap<>();
        jdbc.sql("SELECT usergroup_id, handle FROM slack_usergroups WHERE team_id = ?")
                .param(teamId)
                .query(rs -> {
                    handles.put(rs.getString(1), rs.getString(2));
                });
        return handles;
    }

    /** Bot names posting in the workspace's standup channels, with how often and where. */
    public List<BotName> standupBotNames(String teamId) {
        return jdbc.sql("SELECT m.bot_username, c.name, COUNT(*) AS posts, MAX(m.ts) AS last_ts FROM slack_messages m"
                        + " JOIN slack_channels c ON c.team_id = m.team_id AND c.channel_id = m.channel_id"
                        + " WHERE m.team_id = ? AND c.is_standup = TRUE AND m.bot_username IS NOT NULL"
                        + " GROUP BY m.bot_username, c.name ORDER BY c.name, m.bot_username")
                .param(teamId)
                .query((rs, i) -> new BotName(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .list();
    }

    public List<String> standupChannelNames(String teamId) {
        return jdbc.sql("SELECT name FROM slack_channels WHERE team_id = ? AND is_standup = TRUE ORDER BY name")
                .param(teamId)
                .query(String.class)
                .list();
    }

    /** Channel names by id, for {@code <#C…>} tokens that carry no name. */
    public Map<String, String> channelNames(String teamId) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("SELECT channel_id, name FROM slack_channels WHERE team_id = ?")
                .param(teamId)
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    /** The workspace's channels as last listed, archived ones included: stored messages may be theirs. */
    public List<SlackRecords.SlackChannel> channels(String teamId) {
        return jdbc.sql("SELECT channel_id, name, is_private, is_archived FROM slack_channels WHERE team_id = ?"
                        + " ORDER BY channel_id")
                .param(teamId)
                .query((rs, i) -> new SlackRecords.SlackChannel(
                        rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), true))
                .list();
    }

    public record BotName(String name, String channel, long posts, String lastTs) {}

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
