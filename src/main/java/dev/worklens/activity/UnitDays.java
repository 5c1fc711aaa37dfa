package dev.worklens.activity;

import dev.worklens.activity.DirtyRanges.Range;
import dev.worklens.system.db.Rows;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each member's units counted per UTC day for the team overview ({@code activity_unit_days}):
 * Slack messages written, standups, and the latest unit's time. A year of 50 members is about
 * 18,000 day rows instead of 228,000 units. Exact at every read, as {@link LocalDays} is:
 * {@link #refresh} first counts again the days of the ranges activity's writers recorded
 * ({@link DirtyRanges}), and counts a member in full who was never counted (an upgrade, a bulk load).
 */
@Repository
class UnitDays {

    static final String TALLY = "unit_days";
    private static final String COUNTED = "UTC";

    // MemberUnits.teamCounts says what the overview counts; these are the same conditions per day
    static final String SLACK_MESSAGE =
            "source = 'slack' AND role = 'authored' AND kind IN ('discussion', 'thread_reply')";
    static final String STANDUP = "source = 'slack' AND kind = 'standup'";

    private final JdbcClient jdbc;
    private final DirtyRanges dirty;
    private final TransactionTemplate transactions;
    private final TalliedMembers tallied;

    UnitDays(JdbcClient jdbc, DirtyRanges dirty, PlatformTransactionManager transactions, TalliedMembers tallied) {
        this.jdbc = jdbc;
        this.dirty = dirty;
        this.transactions = new TransactionTemplate(transactions);
        this.tallied = tallied;
    }

    /** A member's counts over whole UTC days. */
    record Sum(long slackMessages, long standups, Instant lastAt) {}

    /** Brings the members' days up to date with their work units. */
    void refresh(Collection<Long> memberIds) {
        List<Long> ids = memberIds.stream().distinct().toList();
        if (ids.isEmpty() || tallied.upToDate(TALLY, ids, COUNTED)) {
            return;
        }
        transactions.executeWithoutResult(status -> recount(ids));
    }

    /** The members' days are counted again in full at the next read (after a bulk load). */
    void forget(Collection<Long> memberIds) {
        tallied.forget(TALLY, memberIds);
    }

    /** A removed member's days go with their units. */
    void drop(long memberId) {
        forget(List.of(memberId));
        dirty.forget(TALLY, memberId);
        jdbc.sql("DELETE FROM activity_unit_days WHERE member_id = ?")
                .param(memberId)
                .update();
    }

    /** Per member, the sums over the UTC days {@code [from, to)}; members without units are absent. */
    Map<Long, Sum> sums(Collection<Long> memberIds, LocalDate from, LocalDate to) {
        Map<Long, Sum> sums = new HashMap<>();
        jdbc.sql("SELECT member_id, SUM(slack_messages) AS m, SUM(standups) AS s, MAX(last_at) AS l"
                        + " FROM activity_unit_days WHERE member_id IN (:ids) AND utc_day >= :from AND utc_day < :to"
                        + " GROUP BY member_id")
                .param("ids", memberIds)
                .param("from", from.toEpochDay())
                .param("to", to.toEpochDay())
                .query(rs -> {
                    sums.put(rs.getLong("member_id"), new Sum(rs.getLong("m"), rs.getLong("s"), Rows.instant(rs, "l")));
                });
        return sums;
    }

    private void recount(List<Long> ids) {
        Map<Long, String> counted = tallied.lock(TALLY, ids);
        Map<Long, Range> ranges = dirty.drain(TALLY, ids);
        List<Long> whole =
                ids.stream().filter(id -> !COUNTED.equals(counted.get(id))).toList();
        if (!whole.isEmpty()) {
            jdbc.sql("DELETE FROM activity_unit_days WHERE member_id IN (:ids)")
                    .param("ids", whole)
                    .update();
            count(whole, null, null);
            tallied.counted(TALLY, whole, COUNTED);
        }
        ranges.forEach((id, range) -> {
            if (!whole.contains(id)) {
                // the whole UTC days the range touches
                LocalDate first = LocalDate.ofInstant(range.from(), ZoneOffset.UTC);
                LocalDate last = LocalDate.ofInstant(range.to(), ZoneOffset.UTC);
                jdbc.sql("DELETE FROM activity_unit_days WHERE member_id = ? AND utc_day >= ? AND utc_day <= ?")
                        .params(id, first.toEpochDay(), last.toEpochDay())
                        .update();
                count(
                        List.of(id),
                        first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
        });
    }

    /** Counts the members' units in {@code [from, to)} (every unit when null) into day rows. */
    private void count(List<Long> ids, Instant from, Instant to) {
        String window = from == null ? "" : " AND occurred_at >= :from AND occurred_at < :to";
        var spec = jdbc.sql("INSERT INTO activity_unit_days (member_id, utc_day, slack_messages, standups, last_at)"
                        + " SELECT member_id, d, SUM(CASE WHEN " + SLACK_MESSAGE + " THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN " + STANDUP + " THEN 1 ELSE 0 END), MAX(occurred_at)"
                        + " FROM (SELECT member_id, source, kind, role, occurred_at,"
                        + " CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at) / 86400) AS BIGINT) AS d"
                        + " FROM work_units WHERE member_id IN (:ids)" + window + ") t GROUP BY member_id, d")
                .param("ids", ids);
        if (from != null) {
            spec = spec.param("from", Rows.utc(from)).param("to", Rows.utc(to));
        }
        spec.update();
    }
}
