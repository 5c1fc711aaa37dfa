package dev.worklens.github.client;

/** Throws when the sync that owns a call was cancelled; checked before each call and during waits. */
@FunctionalInterface
public interface Cancellation {

    Cancellation NONE = () -> {};

    void check();
}
