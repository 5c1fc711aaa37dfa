package dev.worklens.github.client;

import java.time.Duration;

/**
 * Waits for rate limits and backoff. The real one sleeps in short slices so a cancel is noticed
 * within a fraction of a second; tests inject one that only moves a fake clock.
 */
public interface Waiter {

    void await(Duration duration, Cancellation cancellation);

    static Waiter sleeping() {
        return (duration, cancellation) -> {
            long until = System.nanoTime() + duration.toNanos();
            while (true) {
                cancellation.check();
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    Thread.sleep(Math.min(250, Math.max(1, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new GitHubApiException(
                            GitHubApiException.Problem.UNAVAILABLE, "the GitHub wait was interrupted");
                }
            }
        };
    }
}
