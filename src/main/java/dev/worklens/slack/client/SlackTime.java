package dev.worklens.slack.client;

import java.time.Duration;

/**
 * The clock and the waits of the Slack client. Rate-limit waits and retry backoff go through it,
 * so tests run on virtual time and never really sleep.
 */
public interface SlackTime {

    /** Monotonic milliseconds. */
    long nowMillis();

    /** Waits, calling {@code checkCancelled} at least once a second so a cancel ends the wait. */
    void pause(Duration duration, Runnable checkCancelled);

    /** Real time: waits in slices of at most half a second. */
    static SlackTime system() {
        return new SlackTime() {
            @Override
            public long nowMillis() {
                return System.nanoTime() / 1_000_000L;
            }

            @Override
            public void pause(Duration duration, Runnable checkCancelled) {
                long end = nowMillis() + duration.toMillis();
                checkCancelled.run();
                for (long left = end - nowMillis(); left > 0; left = end - nowMillis()) {
                    try {
                        Thread.sleep(Math.min(left, 500));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new SlackApiError(
                                "interrupted", null, "The sync was interrupted while waiting for Slack.");
                    }
                    checkCancelled.run();
                }
            }
        };
    }
}
