package dev.worklens.reliability;

import dev.worklens.github.client.Waiter;
import dev.worklens.slack.client.SlackTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One API's virtual clock, shared by the client's waits and the fake server's clock: a wait moves
 * the clock instead of sleeping. The fake stamps every call with this clock, so "the client never
 * called again before Retry-After passed" is a comparison of stamps, with no real sleeping and no
 * timing threshold. Slack and GitHub each get their own, so one API's waits cannot hide the
 * other's. The views are separate objects on purpose: a bean that were also a {@link Clock} would
 * become the application's clock.
 */
final class VirtualTime {

    private final AtomicLong now =
            new AtomicLong(Instant.parse("2026-11-25T00:00:00Z").toEpochMilli());
    private final AtomicLong waits = new AtomicLong();
    private final AtomicLong waitedMillis = new AtomicLong();

    /** The Slack client's view: its rate-limit waits and backoff. */
    SlackTime slackTime() {
        return new SlackTime() {
            @Override
            public long nowMillis() {
                return now.get();
            }

            @Override
            public void pause(Duration duration, Runnable checkCancelled) {
                checkCancelled.run();
                advance(duration);
                checkCancelled.run();
            }
        };
    }

    /** The GitHub client's view. */
    Waiter waiter() {
        return (duration, cancellation) -> {
            cancellation.check();
            advance(duration);
            cancellation.check();
        };
    }

    /** The fake server's view, for stamping calls. */
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public long millis() {
                return now.get();
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        };
    }

    private void advance(Duration duration) {
        waits.incrementAndGet();
        waitedMillis.addAndGet(duration.toMillis());
        now.addAndGet(Math.max(1, duration.toMillis()));
    }

    long waits() {
        return waits.get();
    }

    long waitedMillis() {
        return waitedMillis.get();
    }
}
