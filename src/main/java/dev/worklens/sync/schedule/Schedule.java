package dev.worklens.sync.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** A weekly sync: who and what, on which weekdays at which local time in which zone. */
public record Schedule(
        long id,
        long operatorId,
        String membersSpec,
        List<String> sources,
        String githubMode,
        Set<DayOfWeek> days,
        LocalTime time,
        ZoneId zone,
        int rangeDays,
        boolean enabled,
        Instant lastRunAt,
        Instant nextRunAt,
        Long lastJobId,
        String lastError,
        Instant createdAt) {}
