package dev.worklens.sync.schedule;

import dev.worklens.system.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Rows of {@code sync_schedules}. */
@Repository
public class Schedules {

    private static final String COLUMNS = "id, operator_id, members_spec, sources, github_mode, days, local_time,"
            + " timezone, range_days, enabled, last_run_at, next_run_at, last_job_id, last_error, created_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    Schedules(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Schedule create(
            long operatorId,
            String membersSpec,
            List<String> sources,
            String githubMode,
            Set<DayOfWeek> days,
            LocalTime time,
            ZoneId zone,
            int rangeDays) {
        Instant now = clock.instant();
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sync_schedules (operator_id, members_spec, sources, github_mode, days, local_time,"
                        + " timezone, range_days, next_run_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        operatorId,
                        membersSpec,
                        String.join(",", sources),
                        githubMode,
                        days(days),
                        time.toString(),
                        zone.getId(),
                        rangeDays,
                        Rows.utc(NextRun.after(days, time, zone, now)),
                        Rows.utc(now))
                .update(key, "id");
        return find(key.getKeyAs(Long.class)).orElseThrow();
    }

    public Optional<Schedule> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_schedules WHERE id = ?")
                .param(id)
                .query(Schedules::map)
                .optional();
    }

    public List<Schedule> of(long operatorId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_schedules WHERE operator_id = ? ORDER BY id")
                .param(operatorId)
                .query(Schedules::map)
                .list();
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM sync_schedules WHERE id = ?").param(id).update() == 1;
    }

    public List<Schedule> due(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sync_schedules WHERE enabled = TRUE AND next_run_at <= ?"
                        + " ORDER BY next_run_at, id")
                .param(Rows.utc(now))
                .query(Schedules::map)
                .list();
    }

    /**
     * Takes one due firing: only the caller whose update still sees the {@code next_run_at} it
     * read wins, so a schedule fires once however many instances look at the same moment.
     */
    public boolean claim(Schedule schedule, Instant now, Instant next) {
        return jdbc.sql("UPDATE sync_schedules SET last_run_at = ?, next_run_at = ? WHERE id = ? AND next_run_at = ?")
                        .params(Rows.utc(now), Rows.utc(next), schedule.id(), Rows.utc(schedule.nextRunAt()))
                        .update()
                == 1;
    }

    public void recordRun(long id, Long jobId, String error) {
        jdbc.sql("UPDATE sync_schedules SET last_job_id = ?, last_error = ? WHERE id = ?")
                .params(jobId, error == null || error.length() <= 2000 ? error : error.substring(0, 2000), id)
                .update();
    }

    static String days(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    static Set<DayOfWeek> parseDays(String stored) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : stored.split(",")) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.name().startsWith(d.strip())) {
                    days.add(day);
                }
            }
        }
        return days;
    }

    private static Schedule map(ResultSet rs, int row) throws SQLException {
        return new Schedule(
                rs.getLong("id"),
                rs.getLong("operator_id"),
                rs.getString("members_spec"),
                Arrays.asList(rs.getString("sources").split(",")),
                rs.getString("github_mode"),
                parseDays(rs.getString("days")),
                LocalTime.parse(rs.getString("local_time")),
                ZoneId.of(rs.getString("timezone")),
                rs.getInt("range_days"),
                rs.getBoolean("enabled"),
                Rows.instant(rs, "last_run_at"),
                Rows.instant(rs, "next_run_at"),
                rs.getObject("last_job_id", Long.class),
                rs.getString("last_error"),
                Rows.instant(rs, "created_at"));
    }
}
