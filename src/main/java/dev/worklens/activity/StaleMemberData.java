package dev.worklens.activity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data kept for members who are no longer on any roster ({@code work_units} and {@code insights}
 * rows whose member id is not in {@code members}): counted first, deleted on confirmation.
 */
@Repository
public class StaleMemberData {

    private final JdbcClient jdbc;

    StaleMemberData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a removed member left behind. */
    public record Counts(long memberId, long workUnits, long insights) implements java.io.Serializable {}

    /** Per member id that has data but no roster row, ordered by id. */
    public List<Counts> orphans() {
        Map<Long, long[]> counts = new TreeMap<>();
        jdbc.sql("SELECT w.member_id, COUNT(*) AS n FROM work_units w WHERE NOT EXISTS"
                        + " (SELECT 1 FROM members m WHERE m.id = w.member_id) GROUP BY w.member_id")
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong("member_id"), k -> new long[2])[0] = rs.getLong("n");
                });
        jdbc.sql("SELECT i.member_id, COUNT(*) AS n FROM insights i WHERE NOT EXISTS"
                        + " (SELECT 1 FROM members m WHERE m.id = i.member_id) GROUP BY i.member_id")
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong("member_id"), k -> new long[2])[1] = rs.getLong("n");
                });
        List<Counts> result = new ArrayList<>();
        counts.forEach((id, n) -> result.add(new Counts(id, n[0], n[1])));
        return result;
    }

    /** The name the member's latest authored unit carries (Slack's name for them), if any. */
    public java.util.Optional<String> authorName(long memberId) {
        return jdbc.sql("SELECT author FROM work_units WHERE member_id = ? AND role = 'authored' AND author IS NOT NULL"
                        + " ORDER BY occurred_at DESC LIMIT 1")
                .param(memberId)
                .query(String.class)
                .optional();
    }

    /**
     * Deletes the data of these member ids, but only of those still absent from the roster, so a
     * preview that raced with a re-added member never deletes a current member's data.
     */
    @Transactional
    public List<Counts> delete(Collection<Long> memberIds) {
        List<Counts> deleted = new ArrayList<>();
        for (Counts c : orphans()) {
            if (!memberIds.contains(c.memberId())) {
                continue;
            }
            long units = jdbc.sql("DELETE FROM work_units WHERE member_id = ? AND NOT EXISTS"
                            + " (SELECT 1 FROM members m WHERE m.id = ?)")
                    .params(c.memberId(), c.memberId())
                    .update();
            long insights = jdbc.sql("DELETE FROM insights WHERE member_id = ? AND NOT EXISTS"
                            + " (SELECT 1 FROM members m WHERE m.id = ?)")
                    .params(c.memberId(), c.memberId())
                    .update();
            deleted.add(new Counts(c.memberId(), units, insights));
        }
        return deleted;
    }
}
