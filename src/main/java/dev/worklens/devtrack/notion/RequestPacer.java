package dev.worklens.devtrack.notion;

import dev.worklens.system.retry.Cancellation;
import dev.worklens.system.retry.RetryClock;
import java.time.Duration;
import java.time.Instant;

/** Keeps requests at most one per interval: Notion allows an average of three per second. */
final class RequestPacer {

    private final RetryClock clock;
    private final Duration interval;
    private Instant last;

    RequestPacer(RetryClock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    synchronized void await() throws InterruptedException {
        Instant now = clock.now();
        if (last != null) {
            Duration wait = Duration.between(now, last.plus(interval));
            if (!wait.isNegative() && !wait.isZero()) {
                clock.sleep(wait, Cancellation.NONE);
                now = clock.now();
            }
        }
        last = now;
    }
}
