package dev.worklens.sync.api;

import dev.worklens.sync.schedule.Schedule;
import java.time.Instant;
import java.util.List;

record ScheduleJson(
        long id,
        Object members,
        List<String> sources,
        String githubMode,
        List<String> days,
        String time,
        String timezone,
        int rangeDays,
        boolean enabled,
        Instant lastRunAt,
        Instant nextRunAt,
        Long lastJobId,
        String lastError,
        Instant createdAt) {

    static ScheduleJson of(Schedule s) {
        return new ScheduleJson(
                s.id(),
                SyncJson.members(s.membersSpec()),
                s.sources(),
                s.githubMode(),
                s.days().stream().sorted().map(d -> d.name().substring(0, 3)).toList(),
                s.time().toString(),
                s.zone().getId(),
                s.rangeDays(),
                s.enabled(),
                s.lastRunAt(),
                s.nextRunAt(),
                s.lastJobId(),
                s.lastError(),
                s.createdAt());
    }
}
