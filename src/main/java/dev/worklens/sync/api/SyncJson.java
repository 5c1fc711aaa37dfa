package dev.worklens.sync.api;

import dev.worklens.sync.SyncState;
import dev.worklens.sync.engine.JobView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A job as {@code GET /api/syncs/{id}} shows it. */
record SyncJson(
        long id,
        SyncState state,
        Object members,
        List<String> sources,
        LocalDate from,
        LocalDate to,
        String githubMode,
        Long scheduleId,
        boolean cancelRequested,
        String note,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        List<JobView.TaskView> tasks) {

    static SyncJson of(JobView job) {
        return new SyncJson(
                job.id(),
                job.state(),
                members(job.membersSpec()),
                job.sources(),
                job.from(),
                job.to(),
                job.githubMode(),
                job.scheduleId(),
                job.cancelRequested(),
                job.note(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                // the stored task is the JSON: same fields, open()/percent() are not properties
                job.tasks());
    }

    /** "me"/"team"/"all" as given, or the member ids. */
    static Object members(String spec) {
        if (List.of("me", "team", "all").contains(spec)) {
            return spec;
        }
        return java.util.Arrays.stream(spec.split(",")).map(Long::parseLong).toList();
    }
}
