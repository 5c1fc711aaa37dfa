package dev.worklens.slack.ingest;

import dev.worklens.activity.KeyedUnits;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes what was collected from channels that now match the operator's ignore patterns: their
 * messages, mentions and cursors, and the work units of the operator's members. No Slack call.
 *
 * <p>Only the operator's own channels are considered (those their last sync found them a member
 * of), so a pattern such as {@code *} never reaches another manager's private channels and the
 * preview never names them. A channel another operator also reads keeps its messages; only this
 * operator's work units from it go. An admin ({@code WORKLENS_ADMINS}) cleans workspace-wide.
 */
@Component
public class IgnoredChannelCleanup {

    private final JdbcClient jdbc;
    private final SlackPreferences preferences;
    private final Operators operators;
    private final Roster roster;
    private final KeyedUnits units;

    IgnoredChannelCleanup(
            JdbcClient jdbc, SlackPreferences preferences, Operators operators, Roster roster, KeyedUnits units) {
        this.jdbc = jdbc;
        this.preferences = preferences;
        this.operators = operators;
        this.roster = roster;
        this.units = units;
    }

    public record Outcome(List<String> channels, long messages, long workUnits) implements java.io.Serializable {}

    private record Channel(String id, String name, boolean shared) {}

    @Transactional
    public Outcome run(Operator operator, boolean workspaceWide, boolean dryRun) {
        ChannelPatterns patterns = preferences.ignoredChannels(operator.id());
        String teamId = operator.teamId();
        List<Channel> ignored = channels(operator, workspaceWide).stream()
                .filter(c -> patterns.matches(c.name()))
                .toList();
        long messages = 0;
        long unitCount = 0;
        List<Long> members = workspaceWide ? null : memberIds(operator);
        for (Channel c : ignored) {
            if (!c.shared()) {
                messages += jdbc.sql("SELECT COUNT(*) FROM slack_messages WHERE team_id = ? AND channel_id = ?")
                        .params(teamId, c.id())
                        .query(Long.class)
                        .single();
            }
            unitCount += units.count("slack", keyPrefix(teamId, c.id()), members);
            if (!dryRun) {
                delete(operator, members, c);
            }
        }
        return new Outcome(ignored.stream().map(Channel::name).toList(), messages, unitCount);
    }

    /**
     * The channels this cleanup may touch. Channels no sync has recorded an operator for (stored
     * before that was recorded) belong to the workspace's only operator, when there is one.
     */
    private List<Channel> channels(Operator operator, boolean workspaceWide) {
        String teamId = operator.teamId();
        boolean soleOperator =
                operators.all().stream().filter(o -> teamId.equals(o.teamId())).count() == 1;
        return jdbc
                .sql("SELECT c.channel_id, c.name,"
                        + " EXISTS (SELECT 1 FROM slack_operator_channels o WHERE o.team_id = c.team_id"
                        + " AND o.channel_id = c.channel_id AND o.operator_id <> ?) AS shared,"
                        + " EXISTS (SELECT 1 FROM slack_operator_channels o WHERE o.team_id = c.team_id"
                        + " AND o.channel_id = c.channel_id AND o.operator_id = ?) AS mine,"
                        + " EXISTS (SELECT 1 FROM slack_operator_channels o WHERE o.team_id = c.team_id"
                        + " AND o.channel_id = c.channel_id) AS owned"
                        + " FROM slack_channels c WHERE c.team_id = ? ORDER BY c.name")
                .params(operator.id(), operator.id(), teamId)
                .query((rs, i) -> {
                    boolean reachable =
                            workspaceWide || rs.getBoolean("mine") || (soleOperator && !rs.getBoolean("owned"));
                    return reachable
                            ? new Channel(
                                    rs.getString("channel_id"),
                                    rs.getString("name"),
                                    !workspaceWide && rs.getBoolean("shared"))
                            : null;
                })
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private List<Long> memberIds(Operator operator) {
        return roster.members(operator.id()).stream().map(Member::id).toList();
    }

    /** @param members whose units go; null for everyone's (the workspace-wide cleanup) */
    private void delete(Operator operator, List<Long> members, Channel channel) {
        String teamId = operator.teamId();
        units.delete("slack", keyPrefix(teamId, channel.id()), members);
        if (channel.shared()) {
            // another manager reads this channel: their reports keep its messages
            return;
        }
        for (String table : List.of("slack_mentions", "slack_messages", "slack_channel_cursors")) {
            jdbc.sql("DELETE FROM " + table + " WHERE team_id = ? AND channel_id = ?")
                    .params(teamId, channel.id())
                    .update();
        }
    }

    private static String keyPrefix(String teamId, String channelId) {
        // ids are upper-case letters and digits, so they hold no LIKE wildcards
        return "slack:" + teamId + ":" + channelId + ":";
    }
}
