package dev.worklens.activity;

import dev.worklens.activity.DirtyRanges.Range;
import dev.worklens.activity.OwnActivityHours.Day;
import dev.worklens.activity.OwnActivityHours.HourOfWeek;
import dev.worklens.activity.OwnActivityHours.Window;
import dev.worklens.system.db.Rows;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each member's own activity events counted per local day of their zone and per local hour
 * ({@code activity_local_days}), so the working rhythm reads a row per day instead of every event:
 * on the 1M-message benchmark the team health page read two years of 50 members' events at each
 * request. Exact at every read: {@link #refresh} first counts again, from {@code work_units}, the
 * days of the ranges the writers recorded ({@link DirtyRanges}), and counts a member again in full
 * when their days were cut in another zone (their Slack zone or {@code REPORT_TIMEZONE} changed)
 * or were never counted (an upgrade, a bulk load).
 */
@Repository
class LocalDays {

    static final String TALLY = "local_days";

    static final String HOURS = IntStream.range(0, 24).mapToObj(LocalDays::hour).collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final DirtyRanges dirty;
    private final TransactionTemplate transactions;
    private final TalliedMembers tallied;

    LocalDays(JdbcClient jdbc, DirtyRanges dirty, PlatformTransactionManager transactions, TalliedMembers tallied) {
        this.jdbc = jdbc;
        this.dirty = dirty;
        // joins a caller's transaction (default propagation) rather than starting its own: a caller
        // that wrote units and reads in the same transaction then counts what it wrote. A read-only
        // caller's transaction makes the refresh fail loudly instead of giving an old count.
        this.transactions = new TransactionTemplate(transactions);
        this.tallied = tallied;
    }

    static String hour(int h) {
        return h < 10 ? "h0" + h : "h" + h;
    }

    /** Brings the members' days, cut in {@code zone}, up to date with their work units. */
    void refresh(Collection<Long> memberIds, ZoneId zone) {
        List<Long> ids = memberIds.stream().distinct().toList();
        if (ids.isEmpty() || tallied.upToDate(TALLY, ids, zone.getId())) {
            return;
        }
        transactions.executeWithoutResult(status -> recount(ids, zone));
    }

    /** The members' days are counted again in full at the next read (after a bulk load). */
    void forget(Collection<Long> memberIds) {
        tallied.forget(TALLY, memberIds);
    }

    /** A removed member's days go with their units. */
    void drop(long memberId) {
        forget(List.of(memberId));
        dirty.forget(TALLY, memberId);
        jdbc.sql("DELETE FROM activity_local_days WHERE member_id = ?")
                .param(memberId)
                .update();
    }

    private void recount(List<Long> ids, ZoneId zone) {
        Map<Long, String> zones = tallied.lock(TALLY, ids);
        Map<Long, Range> ranges = dirty.drain(TALLY, ids);
        List<Long> whole =
                ids.stream().filter(id -> !zone.getId().equals(zones.get(id))).toList();
        if (!whole.isEmpty()) {
            countAll(whole, zone);
        }
        ranges.forEach((id, range) -> {
            if (!whole.contains(id)) {
                countRange(id, range, zone);
            }
        });
    }

    private void countAll(List<Long> ids, ZoneId zone) {
        jdbc.sql("DELETE FROM activity_local_days WHERE member_id IN (:ids)")
                .param("ids", ids)
                .update();
        record Bounds(Instant first, Instant last) {}
        Bounds bounds = jdbc.sql("SELECT MIN(occurred_at) AS f, MAX(occurred_at) AS l FROM work_units"
                        + " WHERE member_id IN (:ids) AND role = 'authored' AND kind IN (:kinds)")
                .param("ids", ids)
                .param("kinds", OwnActivityHours.EVENT_KINDS)
                .query((rs, n) -> new Bounds(Rows.instant(rs, "f"), Rows.instant(rs, "l")))
                .single();
        if (bounds.first() != null) {
            count(ids, new Window(bounds.first(), bounds.last().plusSeconds(1)), zone);
        }
        tallied.counted(TALLY, ids, zone.getId());
    }

    /** Counts again the whole local days the range touches. */
    private void countRange(long id, Range range, ZoneId zone) {
        LocalDate first = LocalDate.ofInstant(range.from(), zone);
        LocalDate last = LocalDate.ofInstant(range.to(), zone);
        jdbc.sql("DELETE FROM activity_local_days WHERE member_id = ? AND local_day >= ? AND local_day <= ?")
                .params(id, first.toEpochDay(), last.toEpochDay())
                .update();
        count(
                List.of(id),
                new Window(
                        first.atStartOfDay(zone).toInstant(),
                        last.plusDays(1).atStartOfDay(zone).toInstant()),
                zone);
    }

    private void count(List<Long> ids, Window window, ZoneId zone) {
        String perHour = IntStream.range(0, 24)
                .mapToObj(h -> "SUM(CASE WHEN h = " + h + " THEN 1 ELSE 0 END)")
                .collect(Collectors.joining(", "));
        String sql = "INSERT INTO activity_local_days (member_id, local_day, events, " + HOURS + ")"
                + " SELECT member_id, d, COUNT(*), " + perHour
                + " FROM (SELECT member_id, ls / 86400 AS d, MOD(ls, 86400) / 3600 AS h FROM ("
                + OwnActivityHours.localSeconds(zone, List.of(window)) + ") t2 OFFSET 0) t3 GROUP BY member_id, d";
        OwnActivityHours.bind(jdbc.sql(sql), ids, List.of(window)).update();
    }

    /**
     * Per member and counted local day in {@code [from, to)} except {@code [splitFrom, splitTo)} (the
     * day cut by the periods' border, counted from events by the caller): the days from {@code
     * splitTo} on are the current period's. Working hours are whole hours {@code [startHour, endHour)}.
     */
    List<Day> days(
            Collection<Long> ids,
            LocalDate from,
            LocalDate splitFrom,
            LocalDate splitTo,
            LocalDate to,
            int startHour,
            int endHour) {
        String within = startHour >= endHour
                ? "0"
                : IntStream.range(startHour, endHour).mapToObj(LocalDays::hour).collect(Collectors.joining(" + "));
        String late = IntStream.range(0, OwnActivityHours.LATE_NIGHT_END / 3600)
                .mapToObj(LocalDays::hour)
                .collect(Collectors.joining(" + "));
        long splitDay = splitTo.toEpochDay();
        return jdbc.sql("SELECT member_id, local_day, events, " + within + " AS w, " + late + " AS late"
                        + " FROM activity_local_days WHERE member_id IN (:ids) AND local_day >= :from AND local_day < :to"
                        + " AND (local_day < :splitFrom OR local_day >= :splitTo)")
                .param("ids", ids)
                .param("from", from.toEpochDay())
                .param("to", to.toEpochDay())
                .param("splitFrom", splitFrom.toEpochDay())
                .param("splitTo", splitDay)
                .query((rs, n) -> new Day(
                        rs.getLong("member_id"),
                        rs.getLong("local_day") >= splitDay,
                        LocalDate.ofEpochDay(rs.getLong("local_day")),
                        rs.getLong("events"),
                        rs.getLong("w"),
                        rs.getLong("late")))
                .list();
    }

    /** Events per member, local day of the week and hour over the counted local days {@code [from, to)}. */
    List<HourOfWeek> hoursOfWeek(Collection<Long> ids, LocalDate from, LocalDate to) {
        String sums = IntStream.range(0, 24)
                .mapToObj(h -> "SUM(" + hour(h) + ") AS " + hour(h))
                .collect(Collectors.joining(", "));
        // the epoch day 0, 1970-01-01, was a Thursday: (day + 3) mod 7 is 0 on Mondays
        List<HourOfWeek> rows = new ArrayList<>();
        jdbc.sql("SELECT member_id, MOD(local_day + 3, 7) AS dow, " + sums + " FROM activity_local_days"
                        + " WHERE member_id IN (:ids) AND local_day >= :from AND local_day < :to"
                        + " GROUP BY member_id, MOD(local_day + 3, 7)")
                .param("ids", ids)
                .param("from", from.toEpochDay())
                .param("to", to.toEpochDay())
                .query(rs -> {
                    DayOfWeek dow = DayOfWeek.of(rs.getInt("dow") + 1);
                    for (int h = 0; h < 24; h++) {
                        long n = rs.getLong(hour(h));
                        if (n > 0) {
                            rows.add(new HourOfWeek(rs.getLong("member_id"), dow, h, n));
                        }
                    }
                });
        return rows;
    }
}
