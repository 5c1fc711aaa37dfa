package dev.worklens.devtrack.notion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Keeps requests at most one per interval: Notion allows an average of three per second. */
final class RequestPacer {

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration interval;
    private Instant last;

    RequestPacer(Clock clock, Sleeper sleeper, Duration interval) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.interval = interval;
    }

    synchronized void await() throws InterruptedException {
        Instant now = clock.instant();
        if (last != null) {
            Duration wait = Duration.between(now, last.plus(interval));
            if (!wait.isNegative() && !wait.isZero()) {
                sleeper.sleep(wait);
                now = clock.instant();
            }
        }
        last = now;
    }
}
