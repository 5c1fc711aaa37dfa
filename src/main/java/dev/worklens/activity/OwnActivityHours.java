package dev.worklens.activity;

import dev.worklens.system.db.Rows;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A member's own activity events (Slack messages they wrote, standups included; pull requests they
 * opened; reviews they submitted), counted in the database per local day, and per local day of the
 * week and hour, of a time zone.
 * The zone's UTC offsets over the range are few (one per daylight-saving change), so they go into
 * the query as a CASE on the epoch second and no event row ever leaves the database. Whole local
 * days are read from the day tallies of {@link LocalDays}, kept exact by activity's writers.
 */
@Repository
public class OwnActivityHours {

    /** The kinds that are a member's own activity event when the role is {@code authored}. */
    public static final List<String> EVENT_KINDS = java.util.stream.Stream.of(
                    UnitKind.DISCUSSION,
                    UnitKind.THREAD_REPLY,
                    UnitKind.STANDUP,
                    UnitKind.PULL_REQUEST,
                    UnitKind.REVIEW)
            .map(UnitKind::code)
            .toList();

    /** Local second of the day where late night ends: 05:00. */
    static final int LATE_NIGHT_END = 5 * 3600;

    private final JdbcClient jdbc;
    private final LocalDays localDays;

    OwnActivityHours(JdbcClient jdbc, LocalDays localDays) {
        this.jdbc = jdbc;
        this.localDays = localDays;
    }

    /**
     * One row per member, period and local day that has events in {@code [from, to)}. The whole
     * local days inside come from the day tallies ({@link LocalDays}); the partial days at the ends
     * and at {@code split}, and everything when the working hours are not whole hours, are counted
     * from the events themselves, so both paths give the same rows.
     *
     * @param split instants at or after it count as {@code current}, earlier ones as previous
     * @param workStart with {@code workEnd}, the local times {@code [start, end)} counted in {@link Day#withinHours}
     */
    public List<Day> days(
            Collection<Long> memberIds,
            Instant from,
            Instant to,
            Instant split,
            ZoneId zone,
            LocalTime workStart,
            LocalTime workEnd) {
        if (memberIds.isEmpty() || !from.isBefore(to)) {
            return List.of();
        }
        Instant a = dayStartAtOrAfter(from, zone);
        Instant s0 = dayStartAtOrBefore(split, zone);
        Instant s1 = dayStartAtOrAfter(split, zone);
        Instant b = dayStartAtOrBefore(to, zone);
        boolean tallied = wholeHour(workStart)
                && wholeHour(workEnd)
                && !split.isBefore(from)
                && !split.isAfter(to)
                && !a.isAfter(s0)
                && !s1.isAfter(b);
        if (!tallied) {
            return countedDays(memberIds, List.of(new Window(from, to)), split, zone, workStart, workEnd);
        }
        localDays.refresh(memberIds, zone);
        List<Day> days = new ArrayList<>(countedDays(
                memberIds,
                List.of(new Window(from, a), new Window(s0, s1), new Window(b, to)),
                split,
                zone,
                workStart,
                workEnd));
        days.addAll(localDays.days(
                memberIds,
                day(a, zone),
                day(s0, zone),
                day(s1, zone),
                day(b, zone),
                workStart.getHour(),
                workEnd.getHour()));
        return days;
    }

    /** As {@link #days}, always counted from the events: the definition the tallies are tested against. */
    List<Day> countedDays(
            Collection<Long> memberIds,
            Instant from,
            Instant to,
            Instant split,
            ZoneId zone,
            LocalTime workStart,
            LocalTime workEnd) {
        if (memberIds.isEmpty() || !from.isBefore(to)) {
            return List.of();
        }
        return countedDays(memberIds, List.of(new Window(from, to)), split, zone, workStart, workEnd);
    }

    private List<Day> countedDays(
            Collection<Long> memberIds,
            List<Window> all,
            Instant split,
            ZoneId zone,
            LocalTime workStart,
            LocalTime workEnd) {
        List<Window> windows = all.stream().filter(Window::any).toList();
        if (windows.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT member_id, cur, d, COUNT(*) AS n,"
                + " SUM(CASE WHEN s >= " + workStart.toSecondOfDay() + " AND s < " + workEnd.toSecondOfDay()
                + " THEN 1 ELSE 0 END) AS w,"
                + " SUM(CASE WHEN s < " + LATE_NIGHT_END + " THEN 1 ELSE 0 END) AS late"
                + " FROM (SELECT member_id, CASE WHEN e >= :split THEN 1 ELSE 0 END AS cur, ls / 86400 AS d,"
                + " MOD(ls, 86400) AS s FROM (" + localSeconds(zone, windows) + ") t2 OFFSET 0) t3"
                + " GROUP BY member_id, cur, d";
        return bind(jdbc.sql(sql), memberIds, windows)
                .param("split", split.getEpochSecond())
                .query((rs, n) -> new Day(
                        rs.getLong("member_id"),
                        rs.getInt("cur") == 1,
                        LocalDate.ofEpochDay(rs.getLong("d")),
                        rs.getLong("n"),
                        rs.getLong("w"),
                        rs.getLong("late")))
                .list();
    }

    /** Events in {@code [from, to)} per member, local day of the week and local hour (the heat map). */
    public List<HourOfWeek> hoursOfWeek(Collection<Long> memberIds, Instant from, Instant to, ZoneId zone) {
        if (memberIds.isEmpty() || !from.isBefore(to)) {
            return List.of();
        }
        Instant a = dayStartAtOrAfter(from, zone);
        Instant b = dayStartAtOrBefore(to, zone);
        if (a.isAfter(b)) {
            return countedHoursOfWeek(memberIds, List.of(new Window(from, to)), zone);
        }
        localDays.refresh(memberIds, zone);
        List<HourOfWeek> hours =
                new ArrayList<>(countedHoursOfWeek(memberIds, List.of(new Window(from, a), new Window(b, to)), zone));
        hours.addAll(localDays.hoursOfWeek(memberIds, day(a, zone), day(b, zone)));
        return hours;
    }

    /** As {@link #hoursOfWeek}, always counted from the events. */
    List<HourOfWeek> countedHoursOfWeek(Collection<Long> memberIds, Instant from, Instant to, ZoneId zone) {
        if (memberIds.isEmpty() || !from.isBefore(to)) {
            return List.of();
        }
        return countedHoursOfWeek(memberIds, List.of(new Window(from, to)), zone);
    }

    private List<HourOfWeek> countedHoursOfWeek(Collection<Long> memberIds, List<Window> all, ZoneId zone) {
        List<Window> windows = all.stream().filter(Window::any).toList();
        if (windows.isEmpty()) {
            return List.of();
        }
        // the epoch day 0, 1970-01-01, was a Thursday: (day + 3) mod 7 is 0 on Mondays
        String sql = "SELECT member_id, MOD(ls / 86400 + 3, 7) AS dow, MOD(ls, 86400) / 3600 AS h, COUNT(*) AS n"
                + " FROM (" + localSeconds(zone, windows) + ") t2"
                + " GROUP BY member_id, MOD(ls / 86400 + 3, 7), MOD(ls, 86400) / 3600";
        return bind(jdbc.sql(sql), memberIds, windows)
                .query((rs, n) -> new HourOfWeek(
                        rs.getLong("member_id"), DayOfWeek.of(rs.getInt("dow") + 1), rs.getInt("h"), rs.getLong("n")))
                .list();
    }

    /**
     * Counts the members' days again in full at their next read: for a caller that wrote units
     * around activity's writers (the benchmark's bulk load), like an upgrade does for everyone.
     */
    public void recount(Collection<Long> memberIds) {
        localDays.forget(memberIds);
    }

    /** Brings the members' day tallies in {@code zone} up to date now rather than at the next read. */
    public void refresh(Collection<Long> memberIds, ZoneId zone) {
        localDays.refresh(memberIds, zone);
    }

    private static boolean wholeHour(LocalTime t) {
        return t.getMinute() == 0 && t.getSecond() == 0 && t.getNano() == 0;
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return LocalDate.ofInstant(at, zone);
    }

    /** The start of the local day holding {@code at}. */
    private static Instant dayStartAtOrBefore(Instant at, ZoneId zone) {
        return day(at, zone).atStartOfDay(zone).toInstant();
    }

    /** {@code at} when it starts a local day, else the start of the next one. */
    private static Instant dayStartAtOrAfter(Instant at, ZoneId zone) {
        Instant start = dayStartAtOrBefore(at, zone);
        return start.equals(at)
                ? at
                : day(at, zone).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Instants {@code [from, to)}; empty when {@code from} is not before {@code to}. */
    record Window(Instant from, Instant to) {
        boolean any() {
            return from.isBefore(to);
        }
    }

    /**
     * The members' own events in the windows as (member_id, e, ls): the epoch second and the local
     * second. Whole numbers throughout: PostgreSQL's EXTRACT gives a numeric, and numeric
     * arithmetic on every row was most of the team health page's time (issue 16's benchmark,
     * 2026-12-05). OFFSET 0 keeps the planner from pasting the CASE into every place that reads
     * {@code ls}, so it runs once a row. Epoch and local seconds are positive, so integer division
     * is the floor. Parameters: {@link #bind}.
     */
    static String localSeconds(ZoneId zone, List<Window> windows) {
        Instant first =
                windows.stream().map(Window::from).min(Instant::compareTo).orElseThrow();
        Instant last = windows.stream().map(Window::to).max(Instant::compareTo).orElseThrow();
        String within = IntStream.range(0, windows.size())
                .mapToObj(i -> "occurred_at >= :from" + i + " AND occurred_at < :to" + i)
                .collect(Collectors.joining(" OR "));
        return "SELECT member_id, e, e + " + offsetCase(zone.getRules(), first, last) + " AS ls"
                + " FROM (SELECT member_id, CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at)) AS BIGINT) AS e"
                + " FROM work_units WHERE member_id IN (:ids) AND (" + within + ")"
                + " AND role = 'authored' AND kind IN (:kinds)) t1 OFFSET 0";
    }

    static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec sql, Collection<Long> memberIds, List<Window> windows) {
        var spec = sql.param("ids", memberIds).param("kinds", EVENT_KINDS);
        for (int i = 0; i < windows.size(); i++) {
            spec = spec.param("from" + i, Rows.utc(windows.get(i).from()))
                    .param("to" + i, Rows.utc(windows.get(i).to()));
        }
        return spec;
    }

    /**
     * The zone's offset in seconds as a SQL CASE over the epoch second {@code e}: numbers we
     * computed, never text a person typed, so they are written into the statement.
     */
    static String offsetCase(ZoneRules rules, Instant from, Instant to) {
        List<OffsetStep> steps = offsetSteps(rules, from, to);
        if (steps.size() == 1) {
            return "(" + steps.get(0).offsetSeconds() + ")";
        }
        var sql = new StringBuilder("(CASE");
        for (OffsetStep step : steps.subList(0, steps.size() - 1)) {
            sql.append(" WHEN e < ")
                    .append(step.untilEpochSecond())
                    .append(" THEN ")
                    .append(step.offsetSeconds());
        }
        return sql.append(" ELSE ")
                .append(steps.get(steps.size() - 1).offsetSeconds())
                .append(" END)")
                .toString();
    }

    /** The offsets in force over {@code [from, to)}, in order; the last one runs to the end. */
    static List<OffsetStep> offsetSteps(ZoneRules rules, Instant from, Instant to) {
        List<OffsetStep> steps = new ArrayList<>();
        int offset = rules.getOffset(from).getTotalSeconds();
        for (ZoneOffsetTransition t = rules.nextTransition(from);
                t != null && t.getInstant().isBefore(to);
                t = rules.nextTransition(t.getInstant())) {
            steps.add(new OffsetStep(t.getInstant().getEpochSecond(), offset));
            offset = t.getOffsetAfter().getTotalSeconds();
        }
        steps.add(new OffsetStep(Long.MAX_VALUE, offset));
        return steps;
    }

    /** Before {@code untilEpochSecond} the zone is {@code offsetSeconds} ahead of UTC. */
    record OffsetStep(long untilEpochSecond, int offsetSeconds) {}

    /**
     * @param current whether the events are in the current period rather than the one before it
     * @param day the local date
     * @param withinHours of {@code events}, those at a local time within the working hours
     * @param lateNight of {@code events}, those before 05:00 local time
     */
    public record Day(long memberId, boolean current, LocalDate day, long events, long withinHours, long lateNight) {}

    /** @param hour the local hour, 0–23 */
    public record HourOfWeek(long memberId, DayOfWeek dayOfWeek, int hour, long events) {}
}
