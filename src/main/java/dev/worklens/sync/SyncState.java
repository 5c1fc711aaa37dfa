package dev.worklens.sync;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The state of a sync job or task. {@link #code()} is the one spelling: what {@code sync_jobs.state}
 * and {@code sync_tasks.state} store, and what the JSON API and the pages show (API.md).
 */
public enum SyncState {
    QUEUED("queued"),
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    CANCELLED("cancelled"),
    /** A task that had nothing to do: its source is not installed, or its member was removed. */
    SKIPPED("skipped");

    private final String code;

    SyncState(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Queued or running: the job or task has not ended yet. */
    public boolean open() {
        return this == QUEUED || this == RUNNING;
    }

    /** The state a stored or received code names; an unknown code is a bug, not data to guess at. */
    public static SyncState of(String code) {
        return Arrays.stream(values())
                .filter(s -> s.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a sync state: " + code));
    }
}
