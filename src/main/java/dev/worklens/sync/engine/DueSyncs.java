package dev.worklens.sync.engine;

import java.util.List;

/**
 * Starts the syncs that are due. The schedules implement it; the engine's {@code sync-due}
 * command calls it, which keeps the engine free of schedule types (no package cycle).
 */
public interface DueSyncs {

    Dispatched dispatchDue();

    /** The jobs started, and why the firings that could not start did not. */
    record Dispatched(List<Long> started, List<String> errors) {}
}
