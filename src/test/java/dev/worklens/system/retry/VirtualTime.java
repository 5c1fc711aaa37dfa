package dev.worklens.system.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time for the clients' waits, the one fake clock of every test: a wait moves the clock
 * instead of sleeping, and records what it was asked for; there is no jitter, so back-off waits are
 * the plain steps. A fake server stamping its calls with {@link #clock()} lets a test compare
 * stamps ("no call before Retry-After passed") without sleeping or timing thresholds. The clock
 * view is a separate object on purpose: a bean that were also a {@link Clock} would become the
 * application's clock.
 */
public class VirtualTime implements RetryClock {

    private final AtomicLong nowMillis;
    public final List<Duration> waits = new CopyOnWriteArrayList<>();
    /** Runs at the start of each wait, e.g. to cancel the run mid-wait. */
    public volatile Runnable onWait = () -> {};

    public VirtualTime() {
        this(Instant.parse("2026-11-25T00:00:00Z"));
    }

    public VirtualTime(Instant start) {
        this.nowMillis = new AtomicLong(start.toEpochMilli());
    }

    @Override
    public Instant now() {
        return Instant.ofEpochMilli(nowMillis.get());
    }

    @Override
    public void sleep(Duration duration, Cancellation cancellation) {
        onWait.run();
        cancellation.check();
        waits.add(duration);
        // at least a millisecond, so stamps before and after a wait always differ
        advance(duration.isZero() ? Duration.ofMillis(1) : duration);
        cancellation.check();
    }

    @Override
    public double jitter() {
        return 0;
    }

    /** Moves the clock without a wait, as time passing between calls does. */
    public void advance(Duration duration) {
        nowMillis.addAndGet(duration.toMillis());
    }

    public Duration waited() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    public long waitedMillis() {
        return waited().toMillis();
    }

    public long pauses() {
        return waits.size();
    }

    /** This time as a {@link Clock}, for the code and fakes that read a clock. */
    public Clock clock() {
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
                return nowMillis.get();
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }
}
