package dev.worklens.slack.ingest;

import dev.worklens.activity.MemberUnitRemoval;
import dev.worklens.slack.api.SlackErrors;
import dev.worklens.slack.client.SlackApiError;
import dev.worklens.slack.client.SlackClient;
import dev.worklens.slack.client.SlackSession;
import dev.worklens.sync.MemberCleanupKind;
import dev.worklens.sync.MemberCleanupPlan;
import dev.worklens.sync.MemberDataCleanup;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slack's part of a per-member cleanup: the member's work units from channels they are no longer
 * in (one {@code conversations.members} pass per channel the operator syncs and the member has
 * data in), or from every channel, and the rows that mention them there.
 *
 * <p>Messages stay: a channel's messages are also the operator's own report and other members'
 * threads. Mentions of the member go only where no other operator reads the channel, as in the
 * ignored-channel cleanup. Every Slack call happens before anything is deleted, so a refused call
 * deletes nothing; a channel Slack no longer shows ({@code channel_not_found}) is left alone and named.
 */
@Component
class MemberSlackCleanup implements MemberDataCleanup {

    private final JdbcClient jdbc;
    private final SlackClient client;
    private final SlackPeople people;
    private final MemberUnitRemoval units;
    private final Operators operators;
    private final TransactionTemplate transaction;
    private final LeftChannels leftChannels;
    private final Clock clock;

    MemberSlackCleanup(
            JdbcClient jdbc,
            SlackClient client,
            SlackPeople people,
            MemberUnitRemoval units,
            Operators operators,
            PlatformTransactionManager transactions,
            LeftChannels leftChannels,
            Clock clock) {
        this.jdbc = jdbc;
        this.client = client;
        this.people = people;
        this.units = units;
        this.operators = operators;
        this.transaction = new TransactionTemplate(transactions);
        this.leftChannels = leftChannels;
        this.clock = clock;
    }

    @Override
    public String source() {
        return "slack";
    }

    /** A channel of the member's data: its name and whether this operator's cleanup may reach it. */
    private record Channel(String id, String name, boolean reachable, boolean shared) {}

    @Override
    public MemberCleanupPlan run(Operator operator, Member member, MemberCleanupKind kind, boolean dryRun) {
        if (kind == MemberCleanupKind.LEFT_CHANNELS && member.slackUserId() == null) {
            throw ApiException.invalid(
                    "member_id",
                    member.displayName() + " has no Slack user id, so Slack cannot say which channels they are in.");
        }
        String teamId = operator.teamId();
        Map<String, List<String>> keysByChannel = new TreeMap<>();
        Map<String, String> unitChannelNames = new HashMap<>();
        for (var ref : units.of(member.id(), "slack")) {
            String channelId = channelOf(ref.sourceKey());
            keysByChannel.computeIfAbsent(channelId, c -> new ArrayList<>()).add(ref.sourceKey());
            if (ref.channel() != null) {
                unitChannelNames.putIfAbsent(channelId, ref.channel());
            }
        }
        Map<String, Long> mentions = mentionCounts(teamId, member.slackUserId());
        Map<String, Channel> channels = channels(operator);
        List<String> candidates = new ArrayList<>(keysByChannel.keySet());
        mentions.keySet().stream()
                .filter(id -> !candidates.contains(id))
                .filter(id -> channels.containsKey(id))
                .forEach(candidates::add);

        List<String> notes = new ArrayList<>();
        List<Channel> chosen = new ArrayList<>();
        SlackSession session = null;
        for (String channelId : candidates) {
            Channel channel = channels.getOrDefault(
                    channelId,
                    new Channel(
                            channelId,
                            unitChannelNames.getOrDefault(channelId, "a channel Slack no longer lists"),
                            false,
                            false));
            if (kind == MemberCleanupKind.ALL_SLACK) {
                chosen.add(channel);
                continue;
            }
            if (!channel.reachable()) {
                notes.add(
                        "#" + channel.name() + " was not checked: you do not sync it, so nothing from it is deleted.");
                continue;
            }
            if (session == null) {
                session = session(operator);
            }
            try {
                if (!isMember(session, channelId, member.slackUserId())) {
                    chosen.add(channel);
                }
            } catch (SlackApiError e) {
                if (!e.channelUnreadable()) {
                    throw SlackErrors.asApiError(people.revokedIfDead(operator, e));
                }
                notes.add("#" + channel.name() + " was not checked: Slack answered " + e.code()
                        + ", so nothing from it is deleted.");
            }
        }

        List<MemberCleanupPlan.Group> groups = new ArrayList<>();
        for (Channel c : chosen) {
            long unitCount = keysByChannel.getOrDefault(c.id(), List.of()).size();
            long mentionRows = c.shared() || !c.reachable() ? 0 : mentions.getOrDefault(c.id(), 0L);
            groups.add(new MemberCleanupPlan.Group("#" + c.name(), unitCount, mentionRows));
        }
        if (kind == MemberCleanupKind.LEFT_CHANNELS && !chosen.isEmpty()) {
            notes.add("Later syncs will not give " + member.displayName()
                    + " these messages back; what they write after rejoining a channel counts again.");
        }
        if (!dryRun) {
            Instant now = clock.instant();
            transaction.executeWithoutResult(status -> {
                for (Channel c : chosen) {
                    units.delete(member.id(), keysByChannel.getOrDefault(c.id(), List.of()));
                    if (kind == MemberCleanupKind.LEFT_CHANNELS) {
                        leftChannels.record(member.id(), teamId, c.id(), now);
                    }
                    if (!c.shared() && c.reachable() && member.slackUserId() != null) {
                        jdbc.sql("DELETE FROM slack_mentions WHERE team_id = ? AND channel_id = ? AND user_id = ?")
                                .params(teamId, c.id(), member.slackUserId())
                                .update();
                    }
                }
            });
        }
        return new MemberCleanupPlan(groups, notes);
    }

    private SlackSession session(Operator operator) {
        try {
            return people.session(operator, () -> {});
        } catch (SlackApiError e) {
            throw SlackErrors.asApiError(e);
        }
    }

    /** Reads the channel's members page by page, to the last cursor or until the member shows up. */
    private boolean isMember(SlackSession session, String channelId, String userId) {
        String cursor = null;
        do {
            var page = client.channelMembers(session, channelId, cursor);
            if (page.userIds().contains(userId)) {
                return true;
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return false;
    }

    /** "slack:T1:C1:1700000000.000100" → "C1" (a key of another workspace keeps its own channel id). */
    static String channelOf(String sourceKey) {
        String[] parts = sourceKey.split(":", 4);
        return parts.length >= 3 ? parts[2] : sourceKey;
    }

    private Map<String, Long> mentionCounts(String teamId, String userId) {
        Map<String, Long> counts = new HashMap<>();
        if (userId == null) {
            return counts;
        }
        jdbc.sql("SELECT channel_id, COUNT(*) AS n FROM slack_mentions WHERE team_id = ? AND user_id = ?"
                        + " GROUP BY channel_id")
                .params(teamId, userId)
                .query(rs -> {
                    counts.put(rs.getString("channel_id"), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * The workspace's stored channels by id. Reachable: the operator's last sync found them a member
     * (or no operator is recorded for it and this is the workspace's only operator); shared: another
     * operator reads it too.
     */
    private Map<String, Channel> channels(Operator operator) {
        String teamId = operator.teamId();
        boolean soleOperator =
                operators.all().stream().filter(o -> teamId.equals(o.teamId())).count() == 1;
        Map<String, Channel> out = new HashMap<>();
        jdbc.sql("SELECT c.channel_id, c.name,"
                        + " EXISTS (SELECT 1 FROM slack_operator_channels o WHERE o.team_id = c.team_id"
                        + " AND o.channel_id = c.channel_id AND o.operator_id <> ?) AS shared,"
                        + " EXISTS (SELECT 1 FROM slack_operator_channels o WHERE o.team_id = c.team_id"
                        + " AND o.channel_id = c.channel_id AND o.operator_id = ?) AS mine,"
                        + " EXISTS (SELECT 1 FROM slack_operator_channels o WHERE o.team_id = c.team_id"
                        + " AND o.channel_id = c.channel_id) AS owned"
                        + " FROM slack_channels c WHERE c.team_id = ?")
                .params(operator.id(), operator.id(), teamId)
                .query(rs -> {
                    boolean reachable = rs.getBoolean("mine") || (soleOperator && !rs.getBoolean("owned"));
                    String id = rs.getString("channel_id");
                    out.put(id, new Channel(id, rs.getString("name"), reachable, rs.getBoolean("shared")));
                });
        return out;
    }
}
