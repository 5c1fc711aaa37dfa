package dev.worklens.system.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the {@code x-ratelimit-remaining} / {@code x-ratelimit-reset} pair: when nothing remains,
 * the wait lasts until the reset (epoch seconds, as GitHub sends it) plus a second, so the first
 * call after the wait lands in the new window even when the clocks disagree slightly.
 */
public final class RateLimitHeaders {

    private static final Duration MARGIN = Duration.ofSeconds(1);

    private RateLimitHeaders() {}

    /** The wait when {@code remaining} is 0; empty while calls remain or the header is absent. */
    public static Optional<Duration> exhausted(String remaining, String reset, Instant now) {
        if (remaining == null || !"0".equals(remaining.strip())) {
            return Optional.empty();
        }
        return Optional.of(untilReset(reset, now).orElse(MARGIN));
    }

    /** The wait until {@code reset} plus a second, at least a second; empty when it is unreadable. */
    public static Optional<Duration> untilReset(String reset, Instant now) {
        if (reset == null || reset.isBlank()) {
            return Optional.empty();
        }
        try {
            Duration until = Duration.between(now, Instant.ofEpochSecond(Long.parseLong(reset.strip())));
            return Optional.of(until.isNegative() ? MARGIN : until.plus(MARGIN));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
