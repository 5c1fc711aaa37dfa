package dev.worklens.slack.ingest;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes what was collected from channels that now match the operator's ignore patterns: their
 * messages, mentions and cursors, and the work units of the operator's members. No Slack call.
 */
@Component
public class IgnoredChannelCleanup {

    private final JdbcClient jdbc;
    private final SlackPreferences preferences;

    IgnoredChannelCleanup(JdbcClient jdbc, SlackPreferences preferences) {
        this.jdbc = jdbc;
        this.preferences = preferences;
    }

    public record Outcome(List<String> channels, long messages, long workUnits) implements java.io.Serializable {}

    private record Channel(String id, String name) {}

    @Transactional
    public Outcome run(long operatorId, String teamId, boolean dryRun) {
        ChannelPatterns patterns = preferences.ignoredChannels(operatorId);
        List<Channel> ignored = jdbc
                .sql("SELECT channel_id, name FROM slack_channels WHERE team_id = ? ORDER BY name")
                .param(teamId)
                .query((rs, i) -> new Channel(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .filter(c -> patterns.matches(c.name()))
                .toList();
        long messages = 0;
        long units = 0;
        for (Channel c : ignored) {
            messages += jdbc.sql("SELECT COUNT(*) FROM slack_messages WHERE team_id = ? AND channel_id = ?")
                    .params(teamId, c.id())
                    .query(Long.class)
                    .single();
            units += jdbc.sql("SELECT COUNT(*) FROM work_units WHERE source = 'slack' AND source_key LIKE ?"
                            + " AND member_id IN (SELECT id FROM members WHERE operator_id = ?)")
                    .params(keyPrefix(teamId, c.id()), operatorId)
                    .query(Long.class)
                    .single();
            if (!dryRun) {
                delete(operatorId, teamId, c.id());
            }
        }
        return new Outcome(ignored.stream().map(Channel::name).toList(), messages, units);
    }

    private void delete(long operatorId, String teamId, String channelId) {
        jdbc.sql("DELETE FROM work_units WHERE source = 'slack' AND source_key LIKE ?"
                        + " AND member_id IN (SELECT id FROM members WHERE operator_id = ?)")
                .params(keyPrefix(teamId, channelId), operatorId)
                .update();
        for (String table : List.of("slack_mentions", "slack_messages", "slack_channel_cursors")) {
            jdbc.sql("DELETE FROM " + table + " WHERE team_id = ? AND channel_id = ?")
                    .params(teamId, channelId)
                    .update();
        }
    }

    private static String keyPrefix(String teamId, String channelId) {
        // ids are upper-case letters and digits, so they hold no LIKE wildcards
        return "slack:" + teamId + ":" + channelId + ":%";
    }
}
