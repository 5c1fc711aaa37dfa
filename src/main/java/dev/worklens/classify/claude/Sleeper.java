package dev.worklens.classify.claude;

import java.time.Duration;

/** Waits between retries; injected so tests check the waits without really sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
