package dev.worklens.github.fake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/** Failures the fake injects before answering: rate limits, 5xx, dropped connections, 429 bursts. */
final class FakeFailures {

    final AtomicInteger secondaryLimits = new AtomicInteger();
    final AtomicInteger primaryExhausted = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    volatile FakeGitHub.SearchLimit searchLimit;
    final AtomicInteger refusedSearches = new AtomicInteger();
    private final Clock clock;
    private FakeGitHub.Faults faults;
    private Random random;
    private int burstLeft;
    private final List<Long> searchTimes = new ArrayList<>();

    FakeFailures(Clock clock) {
        this.clock = clock;
    }

    synchronized void faults(FakeGitHub.Faults faults) {
        this.faults = faults;
        this.random = faults == null ? null : new Random(faults.seed());
        this.burstLeft = 0;
    }

    private static MockResponse error(int code) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(FakeShapes.message("Server Error").toString())
                .build();
    }

    synchronized MockResponse next(String resource) {
        if (secondaryLimits.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new MockResponse.Builder()
                    .code(403)
                    .addHeader("Content-Type", "application/json")
                    .addHeader("retry-after", "7")
                    .body(FakeShapes.message(
                                    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.")
                            .toString())
                    .build();
        }
        if (primaryExhausted.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new MockResponse.Builder()
                    .code(403)
                    .addHeader("Content-Type", "application/json")
                    .addHeader("x-ratelimit-limit", "5000")
                    .addHeader("x-ratelimit-remaining", "0")
                    .addHeader(
                            "x-ratelimit-reset", String.valueOf(clock.instant().getEpochSecond() + 600))
                    .addHeader("x-ratelimit-resource", resource)
                    .body(FakeShapes.message("API rate limit exceeded for user ID 1.")
                            .toString())
                    .build();
        }
        if (serverErrors.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return error(502);
        }
        if (searchLimit != null && resource.equals("search")) {
            long now = System.nanoTime();
            // 200 ms of tolerance: the client's pacer and this fake see each call at slightly different moments
            searchTimes.removeIf(
                    t -> now - t >= searchLimit.window().minusMillis(200).toNanos());
            if (searchTimes.size() >= searchLimit.limit()) {
                refusedSearches.incrementAndGet();
                return new MockResponse.Builder()
                        .code(403)
                        .addHeader("Content-Type", "application/json")
                        .addHeader("retry-after", "1")
                        .body(FakeShapes.message("You have exceeded a secondary rate limit.")
                                .toString())
                        .build();
            }
            searchTimes.add(now);
        }
        if (faults != null) {
            if (burstLeft > 0) {
                burstLeft--;
                return new MockResponse.Builder()
                        .code(429)
                        .addHeader("retry-after", "2")
                        .body(FakeShapes.message("Too many requests").toString())
                        .build();
            }
            if (faults.burstEvery() > 0 && random.nextInt(faults.burstEvery()) == 0) {
                burstLeft = faults.burstLength() - 1;
                return new MockResponse.Builder()
                        .code(429)
                        .addHeader("retry-after", "2")
                        .body("{}")
                        .build();
            }
            double roll = random.nextDouble();
            if (roll < faults.serverErrorShare()) {
                return error(random.nextBoolean() ? 500 : 503);
            }
            if (roll < faults.serverErrorShare() + faults.dropShare()) {
                return new MockResponse.Builder()
                        .onResponseStart(new SocketEffect.CloseSocket(true, true, true))
                        .build();
            }
        }
        return null;
    }
}
