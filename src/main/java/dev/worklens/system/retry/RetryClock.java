package dev.worklens.system.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The clock, the waits and the randomness of every retry. All three make a client's timing
 * unrepeatable, so all three come from this one injected object: tests give the clients a virtual
 * one whose waits move its clock, whose jitter is none, and which never really sleeps.
 */
public interface RetryClock {

    /** How often a real wait wakes up to notice a cancel. */
    Duration CANCEL_CHECK = Duration.ofMillis(250);

    Instant now();

    /**
     * Waits {@code duration}, checking {@code cancellation} before the wait and at least every
     * {@link #CANCEL_CHECK}, so a cancelled run stops waiting within a fraction of a second.
     */
    void sleep(Duration duration, Cancellation cancellation) throws InterruptedException;

    /** A fraction in [0, 1) that spreads back-off waits, so clients that failed together retry apart. */
    double jitter();

    /** Real time: waits sleep in slices of {@link #CANCEL_CHECK}. */
    static RetryClock system() {
        return new RetryClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleep(Duration duration, Cancellation cancellation) throws InterruptedException {
                long until = System.nanoTime() + duration.toNanos();
                cancellation.check();
                for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
                    Thread.sleep(Math.max(1, Math.min(CANCEL_CHECK.toMillis(), left / 1_000_000)));
                    cancellation.check();
                }
            }

            @Override
            public double jitter() {
                return ThreadLocalRandom.current().nextDouble();
            }
        };
    }
}
