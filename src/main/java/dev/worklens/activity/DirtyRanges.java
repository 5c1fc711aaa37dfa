package dev.worklens.activity;

import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which members' work units changed between which times, for the tallies activity keeps beside
 * {@code work_units} (counts per member and day, such as {@link LocalDays}), so that a tally is
 * exact at every read without counting raw units again.
 *
 * <p>How to keep a tally with it: every statement that inserts, updates or deletes work units
 * records, in the same transaction, each touched member's earliest and latest {@code occurred_at}
 * ({@link #stored} with an upsert, {@link #record} with the old and new times of units a writer
 * compared first, {@link #beforeDelete} before a delete): one small multi-row
 * insert per batch, no lock taken and nothing counted, so bulk writes (re-extraction) stay cheap.
 * A tally's reader, in its refresh transaction, calls {@link #drain}: it deletes and returns the
 * ranges committed so far, the reader counts those members' days in them again, and commits. A
 * range committed later stays for the next reader; a refresh that fails rolls its deletes back.
 * Each tally has its own rows, so one tally's reader never takes another's ranges: a new tally
 * adds its name to {@link #TALLIES}.
 */
@Repository
class DirtyRanges {

    /** The tallies kept; every writer records a range for each. */
    static final List<String> TALLIES = List.of(LocalDays.TALLY, UnitDays.TALLY);

    private final JdbcClient jdbc;
    private final boolean postgres;

    DirtyRanges(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.postgres = dialect.isPostgres();
    }

    /** @param to the latest changed unit's time, inclusive */
    record Range(Instant from, Instant to) {
        Range with(Instant at) {
            return new Range(at.isBefore(from) ? at : from, at.isAfter(to) ? at : to);
        }
    }

    /** The members and times one batch of writes touched. */
    static final class Touched {
        private final Map<Long, Range> byMember = new LinkedHashMap<>();

        void add(long memberId, Instant at) {
            byMember.merge(memberId, new Range(at, at), (a, b) -> a.with(at));
        }
    }

    /** Records the drafts just upserted: one row per tally and member, spanning their times. */
    void stored(Collection<WorkUnitDraft> drafts) {
        Touched touched = new Touched();
        drafts.forEach(d -> touched.add(d.memberId(), d.occurredAt()));
        record(touched);
    }

    /** Records a batch's touched members and times: one multi-row insert. */
    void record(Touched touched) {
        Map<Long, Range> byMember = touched.byMember;
        if (byMember.isEmpty()) {
            return;
        }
        var sql =
                new StringBuilder("INSERT INTO activity_dirty_ranges (tally, member_id, dirty_from, dirty_to) VALUES ");
        List<Object> params = new ArrayList<>();
        for (String tally : TALLIES) {
            byMember.forEach((member, range) -> {
                sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?)");
                params.addAll(List.of(tally, member, Rows.utc(range.from()), Rows.utc(range.to())));
            });
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    /**
     * Records the units a delete is about to remove: call it in the delete's transaction, with the
     * delete's own condition on {@code work_units} and its named parameters.
     */
    void beforeDelete(String condition, Map<String, ?> params) {
        for (String tally : TALLIES) {
            jdbc.sql("INSERT INTO activity_dirty_ranges (tally, member_id, dirty_from, dirty_to)"
                            + " SELECT '" + tally + "', member_id, MIN(occurred_at), MAX(occurred_at)"
                            + " FROM work_units WHERE " + condition + " GROUP BY member_id")
                    .params(params)
                    .update();
        }
    }

    void forget(String tally, long memberId) {
        jdbc.sql("DELETE FROM activity_dirty_ranges WHERE tally = ? AND member_id = ?")
                .params(tally, memberId)
                .update();
    }

    /** Whether any of the members has a range waiting for the tally. */
    boolean pending(String tally, Collection<Long> memberIds) {
        return jdbc.sql("SELECT COUNT(*) FROM activity_dirty_ranges WHERE tally = :tally AND member_id IN (:ids)")
                        .param("tally", tally)
                        .param("ids", memberIds)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Deletes the members' ranges for the tally and returns them merged per member. */
    Map<Long, Range> drain(String tally, Collection<Long> memberIds) {
        String delete = "DELETE FROM activity_dirty_ranges WHERE tally = :tally AND member_id IN (:ids)";
        String sql = postgres
                ? "WITH gone AS (" + delete + " RETURNING member_id, dirty_from, dirty_to)"
                        + " SELECT member_id, MIN(dirty_from) AS f, MAX(dirty_to) AS t FROM gone GROUP BY member_id"
                : "SELECT member_id, MIN(dirty_from) AS f, MAX(dirty_to) AS t FROM OLD TABLE (" + delete + ")"
                        + " GROUP BY member_id";
        Map<Long, Range> ranges = new LinkedHashMap<>();
        jdbc.sql(sql).param("tally", tally).param("ids", memberIds).query(rs -> {
            ranges.put(rs.getLong("member_id"), new Range(Rows.instant(rs, "f"), Rows.instant(rs, "t")));
        });
        return ranges;
    }
}
