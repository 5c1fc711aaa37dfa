package dev.worklens.system.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The retry kit")
class RetryKitTest {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Nested
    @DisplayName("Retry-After")
    class RetryAfterHeader {

        @Test
        @DisplayName("delay-seconds are read to the millisecond, fractions included")
        void seconds() {
            assertThat(RetryAfter.parse("7", NOW)).contains(Duration.ofSeconds(7));
            assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
            assertThat(RetryAfter.parse("1.5", NOW)).contains(Duration.ofMillis(1500));
        }

        @Test
        @DisplayName("an HTTP-date is waited until; a date already past means no wait")
        void httpDate() {
            assertThat(RetryAfter.parse("Fri, 20 Nov 2026 12:00:05 GMT", NOW)).contains(Duration.ofSeconds(5));
            assertThat(RetryAfter.parse("Fri, 20 Nov 2026 11:59:00 GMT", NOW)).contains(Duration.ZERO);
        }

        @Test
        @DisplayName("no header, a blank one or an unreadable one asks for nothing: the caller decides")
        void unreadable() {
            assertThat(RetryAfter.parse(null, NOW)).isEmpty();
            assertThat(RetryAfter.parse("  ", NOW)).isEmpty();
            assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
            assertThat(RetryAfter.parse("-3", NOW)).isEmpty();
        }
    }

    @Nested
    @DisplayName("rate-limit headers")
    class RateLimits {

        @Test
        @DisplayName("nothing remaining waits until the reset and one second more")
        void exhausted() {
            String reset = String.valueOf(NOW.plusSeconds(600).getEpochSecond());
            assertThat(RateLimitHeaders.exhausted("0", reset, NOW)).contains(Duration.ofSeconds(601));
        }

        @Test
        @DisplayName("calls remaining, or no header, mean no wait")
        void remaining() {
            String reset = String.valueOf(NOW.plusSeconds(600).getEpochSecond());
            assertThat(RateLimitHeaders.exhausted("12", reset, NOW)).isEmpty();
            assertThat(RateLimitHeaders.exhausted(null, reset, NOW)).isEmpty();
        }

        @Test
        @DisplayName("a reset already past, or none, still waits a second")
        void pastOrMissingReset() {
            String past = String.valueOf(NOW.minusSeconds(30).getEpochSecond());
            assertThat(RateLimitHeaders.exhausted("0", past, NOW)).contains(Duration.ofSeconds(1));
            assertThat(RateLimitHeaders.exhausted("0", null, NOW)).contains(Duration.ofSeconds(1));
            assertThat(RateLimitHeaders.untilReset("garbled", NOW)).isEmpty();
        }
    }

    @Nested
    @DisplayName("back-off")
    class BackoffSteps {

        final Backoff backoff = Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(30));

        @Test
        @DisplayName("on virtual time the waits are the plain doubling steps, capped")
        void doubling() {
            var time = new VirtualTime();
            assertThat(backoff.after(1, time)).isEqualTo(Duration.ofMillis(500));
            assertThat(backoff.after(2, time)).isEqualTo(Duration.ofSeconds(1));
            assertThat(backoff.after(3, time)).isEqualTo(Duration.ofSeconds(2));
            assertThat(backoff.after(7, time)).isEqualTo(Duration.ofSeconds(30));
            assertThat(backoff.after(200, time)).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        @DisplayName("jitter takes off at most half a step, so clients that failed together retry apart")
        void jitter() {
            var most = new VirtualTime() {
                @Override
                public double jitter() {
                    return 0.999;
                }
            };
            assertThat(backoff.after(3, most)).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1002));
            var real = RetryClock.system();
            for (int i = 0; i < 100; i++) {
                assertThat(backoff.after(2, real)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            }
        }
    }

    @Test
    @DisplayName("only 408, 429 and 5xx are worth another try")
    void retryableStatuses() {
        assertThat(List.of(408, 429, 500, 502, 503, 504, 529)).allMatch(RetryableStatus::test);
        assertThat(List.of(200, 400, 401, 403, 404, 409, 422)).noneMatch(RetryableStatus::test);
    }

    @Nested
    @DisplayName("waiting")
    class Waiting {

        @Test
        @DisplayName("virtual time moves its clock by each wait and records it, without sleeping")
        void virtual() {
            var time = new VirtualTime(NOW);
            time.sleep(Duration.ofSeconds(601), Cancellation.NONE);
            time.sleep(Duration.ofMillis(334), Cancellation.NONE);

            assertThat(time.now()).isEqualTo(NOW.plusSeconds(601).plusMillis(334));
            assertThat(time.clock().instant()).isEqualTo(time.now());
            assertThat(time.waits).containsExactly(Duration.ofSeconds(601), Duration.ofMillis(334));
        }

        @Test
        @DisplayName("a cancel ends a real wait within a fraction of a second")
        void cancelledRealWait() {
            var checks = new AtomicInteger();
            Cancellation cancelOnThirdCheck = () -> {
                if (checks.incrementAndGet() >= 3) {
                    throw new IllegalStateException("cancelled");
                }
            };
            long started = System.nanoTime();

            assertThatThrownBy(() -> RetryClock.system().sleep(Duration.ofMinutes(10), cancelOnThirdCheck))
                    .hasMessage("cancelled");
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(RetryClock.CANCEL_CHECK.multipliedBy(8));
        }

        @Test
        @DisplayName("a cancelled run does not start waiting at all")
        void cancelledBeforeWait() {
            var time = new VirtualTime(NOW);
            assertThatThrownBy(() -> time.sleep(Duration.ofSeconds(30), () -> {
                        throw new IllegalStateException("cancelled");
                    }))
                    .hasMessage("cancelled");
            assertThat(time.waits).isEmpty();
            assertThat(time.now()).isEqualTo(NOW);
        }

        @Test
        @DisplayName("an interrupt ends a real wait with InterruptedException")
        void interrupted() {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> RetryClock.system().sleep(Duration.ofSeconds(5), Cancellation.NONE))
                    .isInstanceOf(InterruptedException.class);
            assertThat(Thread.interrupted()).isFalse();
        }
    }
}
