package dev.worklens.sync;

import java.sql.Date;
import java.time.LocalDate;
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
 * Which days a member's data was synced for: the union of the UTC date ranges of their sync
 * tasks that succeeded, whatever the source. A comparison with a period nobody synced compares
 * with nothing, and a page should say so rather than show the whole current figure as growth.
 */
@Repository
public class SyncedRanges {

    private final NamedParameterJdbcTemplate jdbc;

    SyncedRanges(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The members among {@code memberIds} whose succeeded syncs together cover every day of the range. */
    public Set<Long> covering(Collection<Long> memberIds, LocalDate from, LocalDate to) {
        Set<Long> covered = new HashSet<>();
        if (memberIds.isEmpty()) {
            return covered;
        }
        Map<Long, List<LocalDate[]>> ranges = new HashMap<>();
        jdbc.query(
                "SELECT DISTINCT t.member_id, j.range_from, j.range_to FROM sync_tasks t"
                        + " JOIN sync_jobs j ON j.id = t.job_id WHERE t.member_id IN (:members)"
                        + " AND t.state = :succeeded AND j.range_to >= :from AND j.range_from <= :to"
                        + " ORDER BY j.range_from",
                new MapSqlParameterSource()
                        .addValue("members", memberIds)
                        .addValue("succeeded", SyncState.SUCCEEDED.code())
                        .addValue("from", Date.valueOf(from))
                        .addValue("to", Date.valueOf(to)),
                rs -> {
                    ranges.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new LocalDate[] {rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)});
                });
        ranges.forEach((member, list) -> {
            // sorted by start: walk forward while each range starts no later than the day after the covered part
            LocalDate next = from;
            for (LocalDate[] r : list) {
                if (r[0].isAfter(next)) {
                    break;
                }
                if (!r[1].isBefore(next)) {
                    next = r[1].plusDays(1);
                }
            }
            if (next.isAfter(to)) {
                covered.add(member);
            }
        });
        return covered;
    }
}
