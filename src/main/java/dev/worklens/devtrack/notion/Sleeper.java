package dev.worklens.devtrack.notion;

import java.time.Duration;

/** Waits; injected so tests never really sleep. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = d -> Thread.sleep(d.toMillis());
}
