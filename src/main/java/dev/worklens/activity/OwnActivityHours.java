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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A member's own activity events (Slack messages they wrote, standups included; pull requests they
 * opened; reviews they submitted), counted in the database per local day, and per local day of the
 * week and hour, of a time zone.
 * The zone's UTC offsets over the range are few (one per daylight-saving change), so they go into
 * the query as a CASE on the epoch second and no event row ever leaves the database.
 */
@Repository
public class OwnActivityHours {

    /** The kinds that are a member's own activity event when the role is {@code authored}. */
    public static final List<String> EVENT_KINDS =
            List.of("discussion", "thread_reply", "standup", "pull_request", "review");

    /** Local second of the day where late night ends: 05:00. */
    static final int LATE_NIGHT_END = 5 * 3600;

    private final JdbcClient jdbc;

    OwnActivityHours(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One row per member, period and local day that has events in {@code [from, to)}.
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
        String sql = "SELECT member_id, cur, d, COUNT(*) AS n,"
                + " SUM(CASE WHEN s >= " + workStart.toSecondOfDay() + " AND s < " + workEnd.toSecondOfDay()
                + " THEN 1 ELSE 0 END) AS w,"
                + " SUM(CASE WHEN s < " + LATE_NIGHT_END + " THEN 1 ELSE 0 END) AS late"
                + " FROM (SELECT member_id, CASE WHEN e >= :split THEN 1 ELSE 0 END AS cur, ls / 86400 AS d,"
                + " MOD(ls, 86400) AS s FROM (" + localSeconds(zone, from, to) + ") t2 OFFSET 0) t3"
                + " GROUP BY member_id, cur, d";
        return jdbc.sql(sql)
                .param("ids", memberIds)
                .param("from", Rows.utc(from))
                .param("to", Rows.utc(to))
                .param("split", split.getEpochSecond())
                .param("kinds", EVENT_KINDS)
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
        // the epoch day 0, 1970-01-01, was a Thursday: (day + 3) mod 7 is 0 on Mondays
        String sql = "SELECT member_id, MOD(ls / 86400 + 3, 7) AS dow, MOD(ls, 86400) / 3600 AS h, COUNT(*) AS n"
                + " FROM (" + localSeconds(zone, from, to) + ") t2"
                + " GROUP BY member_id, MOD(ls / 86400 + 3, 7), MOD(ls, 86400) / 3600";
        return jdbc.sql(sql)
                .param("ids", memberIds)
                .param("from", Rows.utc(from))
                .param("to", Rows.utc(to))
                .param("kinds", EVENT_KINDS)
                .query((rs, n) -> new HourOfWeek(
                        rs.getLong("member_id"), DayOfWeek.of(rs.getInt("dow") + 1), rs.getInt("h"), rs.getLong("n")))
                .list();
    }

    /**
     * The members' own events as (member_id, e, ls): the epoch second and the local second. Whole
     * numbers throughout: PostgreSQL's EXTRACT gives a numeric, and numeric arithmetic on every
     * row was most of the team health page's time (issue 16's benchmark, 2026-12-05). OFFSET 0
     * keeps the planner from pasting the CASE into every place that reads {@code ls}, so it runs
     * once a row. Epoch and local seconds are positive, so integer division is the floor.
     */
    private static String localSeconds(ZoneId zone, Instant from, Instant to) {
        return "SELECT member_id, e, e + " + offsetCase(zone.getRules(), from, to) + " AS ls"
                + " FROM (SELECT member_id, CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at)) AS BIGINT) AS e"
                + " FROM work_units WHERE member_id IN (:ids) AND occurred_at >= :from AND occurred_at < :to"
                + " AND role = 'authored' AND kind IN (:kinds)) t1 OFFSET 0";
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
