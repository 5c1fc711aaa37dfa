package dev.worklens.sync;

import dev.worklens.team.Operator;
import java.util.List;

/** One source's share of a sync job. */
public interface SourceRun {

    long jobId();

    Operator operator();

    SyncRange range();

    /** "overview" or "repos"; only GitHub reads it. */
    String githubMode();

    /** The tasks of this source in this job, one per member. */
    List<SourceTask> tasks();

    /**
     * Adds a sentence to the job's note for what the manager should know although the tasks
     * succeeded (e.g. private channels skipped for a missing scope, and how to grant it).
     */
    default void note(String text) {}

    /** True once a cancel was requested; sources stop at their next page or wait. */
    boolean cancelRequested();

    /** Throws {@link SyncCancelledException} when a cancel was requested. */
    default void checkCancelled() {
        if (cancelRequested()) {
            throw new SyncCancelledException();
        }
    }
}
