package dev.worklens.slack.ingest;

import dev.worklens.activity.WorkUnitDraft;
import dev.worklens.system.db.Rows;
import dev.worklens.team.MemberRemoved;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Channels a member left and whose data a cleanup removed. The messages themselves stay (they are
 * other people's report too), so without this record the next sync or re-extraction of the channel
 * would give the member their old units back. Messages up to the cleanup stay out of the member's
 * report; what they write after rejoining counts again.
 */
@Component
public class LeftChannels {

    private final JdbcClient jdbc;

    LeftChannels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the member's units from this channel's messages up to {@code through} out from now on. */
    void record(long memberId, String teamId, String channelId, Instant through) {
        jdbc.sql("DELETE FROM slack_left_channels WHERE member_id = ? AND team_id = ? AND channel_id = ?")
                .params(memberId, teamId, channelId)
                .update();
        jdbc.sql("INSERT INTO slack_left_channels (member_id, team_id, channel_id, removed_through)"
                        + " VALUES (?, ?, ?, ?)")
                .params(memberId, teamId, channelId, Rows.utc(through))
                .update();
    }

    /**
     * A member left the roster: their records go, as nothing syncs for them any more and their id
     * never comes back (adding the person again gives a new id, which starts with no records).
     */
    @ApplicationModuleListener
    void memberRemoved(MemberRemoved event) {
        jdbc.sql("DELETE FROM slack_left_channels WHERE member_id = ?")
                .param(event.memberId())
                .update();
    }

    /** The channel's removals: member id → the last instant whose messages stay out. */
    Map<Long, Instant> of(String teamId, String channelId) {
        Map<Long, Instant> out = new HashMap<>();
        jdbc.sql("SELECT member_id, removed_through FROM slack_left_channels WHERE team_id = ? AND channel_id = ?")
                .params(teamId, channelId)
                .query(rs -> {
                    out.put(rs.getLong("member_id"), Rows.instant(rs, "removed_through"));
                });
        return out;
    }

    /** The drafts a removal does not keep out. */
    static List<WorkUnitDraft> kept(List<WorkUnitDraft> drafts, Map<Long, Instant> removed) {
        if (removed.isEmpty()) {
            return drafts;
        }
        return drafts.stream()
                .filter(d -> {
                    Instant through = removed.get(d.memberId());
                    return through == null || d.occurredAt().isAfter(through);
                })
                .toList();
    }
}
