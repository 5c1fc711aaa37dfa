package dev.worklens.sync;

/** Unwinds a source's run after a cancel; what it stored so far stays. */
public class SyncCancelledException extends RuntimeException {
    public SyncCancelledException() {
        super("the sync was cancelled");
    }
}
