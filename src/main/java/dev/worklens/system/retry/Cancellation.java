package dev.worklens.system.retry;

/** Throws when the run that owns a call was cancelled; checked before each call and during waits. */
@FunctionalInterface
public interface Cancellation {

    Cancellation NONE = () -> {};

    void check();
}
