package dev.worklens.activity;

import dev.worklens.team.Roster;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data kept for members who are no longer on any roster (work units, and the insights the
 * classification module keeps per member, whose ids the roster no longer has): counted first,
 * deleted on confirmation. A removed member's id never comes back (adding someone again gives a
 * new id), so an id absent from the roster now stays absent.
 */
@Repository
public class StaleMemberData {

    private final JdbcClient jdbc;
    private final Roster roster;
    private final MemberInsightRows insights;
    private final LocalDays localDays;
    private final UnitDays unitDays;

    StaleMemberData(
            JdbcClient jdbc, Roster roster, MemberInsightRows insights, LocalDays localDays, UnitDays unitDays) {
        this.jdbc = jdbc;
        this.roster = roster;
        this.insights = insights;
        this.localDays = localDays;
        this.unitDays = unitDays;
    }

    /** What a removed member left behind. */
    public record Counts(long memberId, long workUnits, long insights) implements java.io.Serializable {}

    /** Per member id that has data but no roster row, ordered by id. */
    public List<Counts> orphans() {
        Set<Long> onRoster = roster.allIds();
        Map<Long, long[]> counts = new TreeMap<>();
        jdbc.sql("SELECT member_id, COUNT(*) AS n FROM work_units GROUP BY member_id")
                .query(rs -> {
                    long id = rs.getLong("member_id");
                    if (!onRoster.contains(id)) {
                        counts.computeIfAbsent(id, k -> new long[2])[0] = rs.getLong("n");
                    }
                });
        insights.countsByMember().forEach((id, n) -> {
            if (!onRoster.contains(id)) {
                counts.computeIfAbsent(id, k -> new long[2])[1] = n;
            }
        });
        List<Counts> result = new ArrayList<>();
        counts.forEach((id, n) -> result.add(new Counts(id, n[0], n[1])));
        return result;
    }

    /** The name the member's latest authored unit carries (Slack's name for them), if any. */
    public Optional<String> authorName(long memberId) {
        return jdbc.sql("SELECT author FROM work_units WHERE member_id = ? AND role = 'authored' AND author IS NOT NULL"
                        + " ORDER BY occurred_at DESC LIMIT 1")
                .param(memberId)
                .query(String.class)
                .optional();
    }

    /**
     * Deletes the data of these member ids, but only of those absent from the roster now, so a
     * stale list never deletes a current member's data.
     */
    @Transactional
    public List<Counts> delete(Collection<Long> memberIds) {
        List<Counts> deleted = new ArrayList<>();
        for (Counts c : orphans()) {
            if (!memberIds.contains(c.memberId())) {
                continue;
            }
            long units = jdbc.sql("DELETE FROM work_units WHERE member_id = ?")
                    .param(c.memberId())
                    .update();
            localDays.drop(c.memberId());
            unitDays.drop(c.memberId());
            deleted.add(new Counts(c.memberId(), units, insights.deleteOf(c.memberId())));
        }
        return deleted;
    }
}
