package dev.worklens.sync.engine;

import java.util.Set;

/** The one spelling of job and task states, as the API shows them. */
public final class States {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    public static final String SKIPPED = "skipped";

    public static final Set<String> OPEN = Set.of(QUEUED, RUNNING);

    /** What a task whose process died says; the sources' cursors make the re-run cheap. */
    public static final String INTERRUPTED =
            "interrupted: the server stopped; run the sync again to continue from where it stopped";

    private States() {}

    public static boolean open(String state) {
        return OPEN.contains(state);
    }
}
