package dev.worklens.system.retry;

import java.time.Duration;

/**
 * Exponential back-off with jitter: the n-th consecutive failure waits {@code first × 2^(n-1)},
 * capped at {@code max}, less up to {@code jitter} of it chosen by the clock's randomness (with
 * 0.5, "equal jitter": between half and all of the step). Virtual time has no jitter, so tests
 * see the plain steps.
 */
public record Backoff(Duration first, Duration max, double jitter) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < first <= max");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter is a fraction between 0 and 1");
        }
    }

    /** Equal jitter: each wait lies between half and all of its exponential step. */
    public static Backoff exponential(Duration first, Duration max) {
        return new Backoff(first, max, 0.5);
    }

    /** The wait after {@code failures} consecutive failures (1 for the first). */
    public Duration after(int failures, RetryClock clock) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        long step = first.toMillis() << doublings;
        long capped = step <= 0 || step > max.toMillis() ? max.toMillis() : step;
        long spread = (long) (capped * jitter * clock.jitter());
        return Duration.ofMillis(capped - spread);
    }
}
