package dev.worklens.classify;

import dev.worklens.activity.MemberInsightRows;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored insights per member, counted and deleted for the cleanup of removed members. */
@Repository
class InsightRowsOfMembers implements MemberInsightRows {

    private final JdbcClient jdbc;

    InsightRowsOfMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Long> countsByMember() {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("SELECT member_id, COUNT(*) AS n FROM insights GROUP BY member_id")
                .query(rs -> {
                    counts.put(rs.getLong("member_id"), rs.getLong("n"));
                });
        return counts;
    }

    @Override
    public long deleteOf(long memberId) {
        return jdbc.sql("DELETE FROM insights WHERE member_id = ?")
                .param(memberId)
                .update();
    }
}
