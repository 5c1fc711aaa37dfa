package dev.worklens.slack.client;

import dev.worklens.system.retry.RetryClock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Slack's limits are per workspace and method, so every run that calls Slack for one workspace
 * shares this limiter: a 429 on {@code conversations.history} for team T1 holds back every
 * {@code conversations.history} call for T1 until its {@code Retry-After} has passed.
 */
public class SlackRateLimiter {

    private final RetryClock clock;
    private final ConcurrentMap<String, Gate> gates = new ConcurrentHashMap<>();

    public SlackRateLimiter(RetryClock clock) {
        this.clock = clock;
    }

    /** Waits until the method may be called again for this workspace. */
    void awaitTurn(String teamId, String method, Runnable checkCancelled) {
        Gate gate = gate(teamId, method);
        while (true) {
            long now = clock.now().toEpochMilli();
            long openAt = gate.openAt;
            if (now >= openAt) {
                return;
            }
            SlackCalls.pause(clock, Duration.ofMillis(openAt - now), checkCancelled);
        }
    }

    /** Slack answered 429: nobody calls this method for this workspace before {@code retryAfter} passed. */
    void holdBack(String teamId, String method, Duration retryAfter) {
        Gate gate = gate(teamId, method);
        long until = clock.now().toEpochMilli() + retryAfter.toMillis();
        synchronized (gate) {
            gate.openAt = Math.max(gate.openAt, until);
        }
        gate.waits.incrementAndGet();
    }

    /** How many 429 answers this (workspace, method) has had, for tests and the benchmark. */
    public long rateLimitedCount(String teamId, String method) {
        return gate(teamId, method).waits.get();
    }

    private Gate gate(String teamId, String method) {
        return gates.computeIfAbsent(teamId + "/" + method, k -> new Gate());
    }

    private static final class Gate {
        volatile long openAt = Long.MIN_VALUE;
        final java.util.concurrent.atomic.AtomicLong waits = new java.util.concurrent.atomic.AtomicLong();
    }
}
