package dev.worklens.slack;

import dev.worklens.slack.client.SlackTime;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Virtual time for the Slack client: a pause moves the clock instead of sleeping. */
public class VirtualSlackTime implements SlackTime {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AtomicLong waited = new AtomicLong();
    private final AtomicLong pauses = new AtomicLong();

    @Override
    public long nowMillis() {
        return now.get();
    }

    @Override
    public void pause(Duration duration, Runnable checkCancelled) {
        checkCancelled.run();
        pauses.incrementAndGet();
        waited.addAndGet(duration.toMillis());
        now.addAndGet(Math.max(1, duration.toMillis()));
        checkCancelled.run();
    }

    public long waitedMillis() {
        return waited.get();
    }

    public long pauses() {
        return pauses.get();
    }
}
