package dev.worklens.patterns;

import dev.worklens.system.Settings;
import dev.worklens.system.WorkWeek;
import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each operator's working hours and days; {@code WORK_HOURS} and {@code WORK_DAYS} until they change them. */
@Repository
public class WorkWeeks {

    private final JdbcClient jdbc;
    private final Settings settings;
    private final Clock clock;
    private final String upsert;

    WorkWeeks(JdbcClient jdbc, Settings settings, Clock clock, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.upsert =
                dialect.upsert("patterns_work_weeks", "operator_id", "operator_id, work_hours, work_days, updated_at");
    }

    public WorkWeek of(long operatorId) {
        return jdbc.sql("SELECT work_hours, work_days FROM patterns_work_weeks WHERE operator_id = ?")
                .param(operatorId)
                .query((rs, n) ->
                        WorkWeek.parse(rs.getString("work_hours"), rs.getString("work_days"), new ArrayList<>()))
                .optional()
                .orElse(settings.patterns().workWeek());
    }

    /** Stores the operator's week, or returns the problems in words and stores nothing. */
    public List<String> save(long operatorId, String hours, String days) {
        List<String> problems = new ArrayList<>();
        WorkWeek week = WorkWeek.parse(hours, days, problems);
        if (problems.isEmpty()) {
            jdbc.sql(upsert)
                    .params(operatorId, week.hoursText(), week.daysText(), Rows.utc(clock.instant()))
                    .update();
        }
        return problems.stream()
                .map(p -> p.replace("WORK_HOURS", "Working hours").replace("WORK_DAYS", "Working days"))
                .toList();
    }
}
