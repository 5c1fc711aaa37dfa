package dev.worklens.sync.engine;

import dev.worklens.sync.SyncState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A job as stored, with its tasks. */
public record JobView(
        long id,
        long operatorId,
        SyncState state,
        String membersSpec,
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
        List<TaskView> tasks) {

    /** What a job or task whose process died says; the sources' cursors make the re-run cheap. */
    public static final String INTERRUPTED =
            "interrupted: the server stopped; run the sync again to continue from where it stopped";

    public boolean open() {
        return state.open();
    }

    public JobView withTasks(List<TaskView> tasks) {
        return new JobView(
                id,
                operatorId,
                state,
                membersSpec,
                sources,
                from,
                to,
                githubMode,
                scheduleId,
                cancelRequested,
                note,
                createdAt,
                startedAt,
                finishedAt,
                tasks);
    }

    /** One (member, source) pair's progress. */
    public record TaskView(
            long id,
            long memberId,
            String memberName,
            String source,
            SyncState state,
            int done,
            int total,
            int items,
            String error,
            Instant startedAt,
            Instant finishedAt) {

        public boolean open() {
            return state.open();
        }

        /** 0–100 for a progress bar, or -1 when the amount of work is not known yet. */
        public int percent() {
            if (!open()) {
                return 100;
            }
            return total <= 0 ? -1 : (int) Math.min(100, Math.round(100.0 * done / total));
        }
    }
}
