package dev.worklens.sync;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which instants a member's data was synced for: the union of their succeeded sync tasks' ranges,
 * whatever the source. A sync range is a span of days of the report's zone, the zone the engine cuts
 * them in (see {@link SyncRange}), so its instants are those a report of the same days shows. A
 * comparison with a period nobody synced compares with nothing, and a page should say so rather
 * than show the whole current figure as growth.
 */
@Repository
public class SyncedRanges {

    private final NamedParameterJdbcTemplate jdbc;

    SyncedRanges(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The members among {@code memberIds} that at least one sync task, of any source and range, succeeded for. */
    public Set<Long> everSynced(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT member_id FROM sync_tasks WHERE member_id IN (:members) AND state = :succeeded",
                new MapSqlParameterSource()
                        .addValue("members", memberIds)
                        .addValue("succeeded", SyncState.SUCCEEDED.code()),
                Long.class));
    }

    /**
     * The members among {@code memberIds} whose succeeded syncs together cover every instant of
     * [start, end); {@code reportZone} is the zone the syncs' days were cut in.
     */
    public Set<Long> covering(Collection<Long> memberIds, Instant start, Instant end, ZoneId reportZone) {
        Set<Long> covered = new HashSet<>();
        if (memberIds.isEmpty() || !start.isBefore(end)) {
            return covered;
        }
        // the days that hold the first and the last instant of the period
        LocalDate firstDay = LocalDate.ofInstant(start, reportZone);
        LocalDate lastDay = LocalDate.ofInstant(end.minusNanos(1), reportZone);
        Map<Long, List<SyncRange>> ranges = new HashMap<>();
        jdbc.query(
                "SELECT DISTINCT t.member_id, j.range_from, j.range_to FROM sync_tasks t"
                        + " JOIN sync_jobs j ON j.id = t.job_id WHERE t.member_id IN (:members)"
                        + " AND t.state = :succeeded AND j.range_to >= :from AND j.range_from <= :to"
                        + " ORDER BY j.range_from",
                new MapSqlParameterSource()
                        .addValue("members", memberIds)
                        .addValue("succeeded", SyncState.SUCCEEDED.code())
                        .addValue("from", Date.valueOf(firstDay))
                        .addValue("to", Date.valueOf(lastDay)),
                rs -> {
                    ranges.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new SyncRange(
                                    rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), reportZone));
                });
        ranges.forEach((member, list) -> {
            // sorted by start: walk forward while each range starts no later than the covered part ends
            Instant next = start;
            for (SyncRange r : list) {
                if (r.start().isAfter(next)) {
                    break;
                }
                if (r.endExclusive().isAfter(next)) {
                    next = r.endExclusive();
                }
            }
            if (!next.isBefore(end)) {
                covered.add(member);
            }
        });
        return covered;
    }
}
