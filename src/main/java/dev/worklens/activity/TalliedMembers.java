package dev.worklens.activity;

import dev.worklens.system.db.SqlDialect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who a day tally ({@link LocalDays}, {@link UnitDays}) has counted, and in which zone
 * ({@code activity_tallied_members}): a member without a row, or counted in another zone, is
 * counted again in full. The rows are also what a recount locks, so two readers never count the
 * same member at once.
 */
@Repository
class TalliedMembers {

    private final JdbcClient jdbc;
    private final DirtyRanges dirty;
    private final boolean postgres;

    TalliedMembers(JdbcClient jdbc, DirtyRanges dirty, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dirty = dirty;
        this.postgres = dialect.isPostgres();
    }

    /** Whether every member was counted in {@code zone} and nothing was written for them since. */
    boolean upToDate(String tally, List<Long> ids, String zone) {
        long counted = jdbc.sql("SELECT COUNT(*) FROM activity_tallied_members WHERE tally = :tally"
                        + " AND member_id IN (:ids) AND zone = :zone")
                .param("tally", tally)
                .param("ids", ids)
                .param("zone", zone)
                .query(Long.class)
                .single();
        return counted == ids.size() && !dirty.pending(tally, ids);
    }

    /**
     * Locks the members' rows until the transaction ends, adding the missing ones as never
     * counted; answers the zone each was counted in ("" when never).
     */
    Map<Long, String> lock(String tally, List<Long> ids) {
        String values = String.join(", ", ids.stream().map(id -> "(?, ?)").toList());
        List<Object> params = new ArrayList<>();
        ids.forEach(id -> params.addAll(List.of(tally, id)));
        jdbc.sql(
                        postgres
                                ? "INSERT INTO activity_tallied_members (tally, member_id, zone) SELECT v.tally, v.member_id, ''"
                                        + " FROM (VALUES " + values + ") AS v(tally, member_id) ON CONFLICT DO NOTHING"
                                : "MERGE INTO activity_tallied_members t USING (VALUES " + values
                                        + ") AS v(tally, member_id)"
                                        + " ON t.tally = v.tally AND t.member_id = v.member_id"
                                        + " WHEN NOT MATCHED THEN INSERT (tally, member_id, zone) VALUES (v.tally, v.member_id, '')")
                .params(params)
                .update();
        Map<Long, String> zones = new HashMap<>();
        jdbc.sql("SELECT member_id, zone FROM activity_tallied_members WHERE tally = :tally AND member_id IN (:ids)"
                        + " ORDER BY member_id FOR UPDATE")
                .param("tally", tally)
                .param("ids", ids)
                .query(rs -> {
                    zones.put(rs.getLong("member_id"), rs.getString("zone"));
                });
        return zones;
    }

    /** The members were counted in full in {@code zone}. */
    void counted(String tally, List<Long> ids, String zone) {
        jdbc.sql("UPDATE activity_tallied_members SET zone = :zone WHERE tally = :tally AND member_id IN (:ids)")
                .param("zone", zone)
                .param("tally", tally)
                .param("ids", ids)
                .update();
    }

    /** The members are counted again in full at their next read (after a bulk load, or removed). */
    void forget(String tally, Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("DELETE FROM activity_tallied_members WHERE tally = :tally AND member_id IN (:ids)")
                    .param("tally", tally)
                    .param("ids", ids)
                    .update();
        }
    }
}
