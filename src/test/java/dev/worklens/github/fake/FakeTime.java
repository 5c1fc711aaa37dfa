package dev.worklens.github.fake;

import dev.worklens.github.client.Cancellation;
import dev.worklens.github.client.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when the code under test waits, so rate limits cost no real time. */
public class FakeTime extends Clock implements Waiter {

    private volatile Instant now;
    public final List<Duration> waits = new CopyOnWriteArrayList<>();
    /** Runs at the start of each wait, e.g. to cancel the sync mid-wait. */
    public volatile Runnable onWait = () -> {};

    public FakeTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized void await(Duration duration, Cancellation cancellation) {
        onWait.run();
        cancellation.check();
        waits.add(duration);
        now = now.plus(duration);
    }

    public Duration waited() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
