package dev.worklens.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** Failures the fake injects before answering: rate limits, 5xx, dropped connections, 429 bursts. */
final class FakeGitHubFailures {

    final AtomicInteger secondaryLimits = new AtomicInteger();
    final AtomicInteger primaryExhausted = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    final AtomicInteger bareTooManyRequests = new AtomicInteger();
    volatile FakeGitHubApi.SearchLimit searchLimit;
    final AtomicInteger refusedSearches = new AtomicInteger();
    private final Clock clock;
    private FakeGitHubApi.RandomFaults faults;
    private Random random;
    private int burstLeft;
    private final List<Long> searchTimes = new ArrayList<>();

    FakeGitHubFailures(Clock clock) {
        this.clock = clock;
    }

    synchronized void faults(FakeGitHubApi.RandomFaults faults) {
        this.faults = faults;
        this.random = faults == null ? null : new Random(faults.seed());
        this.burstLeft = 0;
    }

    private static FakeApiServer.Answer error(int code) {
        return new FakeApiServer.Answer(code, Map.of(), FakeGitHubShapes.message("Server Error"));
    }

    /** The failure the next call of this resource (core, search, graphql) gets, or null. */
    synchronized FakeApiServer.Answer next(String resource) {
        if (secondaryLimits.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new FakeApiServer.Answer(
                    403,
                    Map.of("retry-after", "7"),
                    FakeGitHubShapes.message(
                            "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."));
        }
        if (primaryExhausted.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new FakeApiServer.Answer(
                    403,
                    Map.of(
                            "x-ratelimit-limit",
                            "5000",
                            "x-ratelimit-remaining",
                            "0",
                            "x-ratelimit-reset",
                            String.valueOf(clock.instant().getEpochSecond() + 600),
                            "x-ratelimit-resource",
                            resource),
                    FakeGitHubShapes.message("API rate limit exceeded for user ID 1."));
        }
        if (serverErrors.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return error(502);
        }
        if (bareTooManyRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new FakeApiServer.Answer(429, Map.of(), FakeGitHubShapes.message("Too many requests"));
        }
        if (searchLimit != null && resource.equals("search")) {
            long now = System.nanoTime();
            // 200 ms of tolerance: the client's pacer and this fake see each call at slightly different moments
            searchTimes.removeIf(
                    t -> now - t >= searchLimit.window().minusMillis(200).toNanos());
            if (searchTimes.size() >= searchLimit.limit()) {
                refusedSearches.incrementAndGet();
                return new FakeApiServer.Answer(
                        403,
                        Map.of("retry-after", "1"),
                        FakeGitHubShapes.message("You have exceeded a secondary rate limit."));
            }
            searchTimes.add(now);
        }
        if (faults != null) {
            if (burstLeft > 0) {
                burstLeft--;
                return new FakeApiServer.Answer(
                        429, Map.of("retry-after", "2"), FakeGitHubShapes.message("Too many requests"));
            }
            if (faults.burstEvery() > 0 && random.nextInt(faults.burstEvery()) == 0) {
                burstLeft = faults.burstLength() - 1;
                return new FakeApiServer.Answer(429, Map.of("retry-after", "2"), "{}");
            }
            double roll = random.nextDouble();
            if (roll < faults.serverErrorShare()) {
                return error(random.nextBoolean() ? 500 : 503);
            }
            if (roll < faults.serverErrorShare() + faults.dropShare()) {
                return FakeApiServer.Answer.DROPPED;
            }
        }
        return null;
    }
}
