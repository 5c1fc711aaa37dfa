package dev.worklens.github.client;

import dev.worklens.system.retry.Cancellation;
import dev.worklens.system.retry.RetryClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps search calls under GitHub's search budget (30 a minute for a token) across every task and
 * job of this process: a sliding window of granted call times. A call that would be the 31st in
 * the window is granted the moment the oldest one leaves it, and the caller waits until then.
 */
public class SearchPacer {

    private final int limit;
    private final Duration window;
    private final RetryClock clock;
    private final Deque<Instant> granted = new ArrayDeque<>();

    public SearchPacer(int limit, Duration window, RetryClock clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the search budget needs a positive limit and window");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Waits (cancellably) until one more search call fits in the budget. */
    public void acquire(Cancellation cancellation) {
        Duration wait = reserve();
        if (!wait.isZero()) {
            GitHubHttp.pause(clock, wait, cancellation);
        }
    }

    private synchronized Duration reserve() {
        Instant now = clock.now();
        while (!granted.isEmpty() && !granted.peekFirst().plus(window).isAfter(now)) {
            granted.pollFirst();
        }
        Instant grant = now;
        if (granted.size() >= limit) {
            // the limit-th most recent grant must have left the window before this one starts
            Instant bound =
                    granted.stream().skip(granted.size() - limit).findFirst().orElseThrow();
            Instant free = bound.plus(window);
            if (free.isAfter(grant)) {
                grant = free;
            }
        }
        granted.addLast(grant);
        return Duration.between(now, grant);
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }
}
