package dev.worklens.slack.client;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.worklens.system.retry.Backoff;
import dev.worklens.system.retry.RetryAfter;
import dev.worklens.system.retry.RetryClock;
import dev.worklens.system.retry.RetryableStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Slack Web API call to completion: waits for the (workspace, method) limiter, honours
 * every 429's {@code Retry-After} with no cap on how often, retries 5xx answers and dropped
 * connections with the retry kit's back-off, and turns {@code ok:false} into a {@link SlackApiError}.
 * The SDK's own HTTP client is built without retries, so these rules are the only ones.
 */
public class SlackCalls {

    private static final Logger log = LoggerFactory.getLogger(SlackCalls.class);

    /** Consecutive failures (5xx, dropped connections) before a call gives up. */
    static final int MAX_FAILURES = 8;

    static final Backoff BACKOFF = Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(30));

    private final SlackRateLimiter limiter;
    private final RetryClock clock;

    public SlackCalls(SlackRateLimiter limiter, RetryClock clock) {
        this.limiter = limiter;
        this.clock = clock;
    }

    @FunctionalInterface
    public interface Attempt<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    public <T extends SlackApiTextResponse> T call(SlackSession session, String method, Attempt<T> attempt) {
        int failures = 0;
        while (true) {
            session.checkCancelled().run();
            limiter.awaitTurn(session.teamId(), method, session.checkCancelled());
            try {
                return checked(method, attempt.run());
            } catch (SlackApiException e) {
                int code = e.getResponse().code();
                if (code == 429) {
                    Duration wait = retryAfter(e.getResponse().header("Retry-After"), clock.now());
                    log.info("Slack rate-limited {} for team {}; waiting {}", method, session.teamId(), wait);
                    limiter.holdBack(session.teamId(), method, wait);
                    continue; // every 429 is waited out: the limit lifts, the call goes on
                }
                if (RetryableStatus.test(code)) {
                    failures = backoff(session, method, failures, "HTTP " + code);
                    continue;
                }
                throw new SlackApiError("http_" + code, null, "Slack answered " + method + " with HTTP " + code + ".");
            } catch (IOException e) {
                failures = backoff(session, method, failures, e.getClass().getSimpleName());
            }
        }
    }

    /** A call that must not be repeated (an OAuth code works once). */
    public <T extends SlackApiTextResponse> T once(String method, Attempt<T> attempt) {
        try {
            return checked(method, attempt.run());
        } catch (SlackApiException e) {
            throw new SlackApiError(
                    "http_" + e.getResponse().code(),
                    null,
                    "Slack answered " + method + " with HTTP " + e.getResponse().code() + ".");
        } catch (IOException e) {
            throw new SlackApiError("unreachable", null, "Slack could not be reached (" + e.getMessage() + ").");
        }
    }

    private int backoff(SlackSession session, String method, int failures, String what) {
        int count = failures + 1;
        if (count >= MAX_FAILURES) {
            throw new SlackApiError(
                    "unreachable",
                    null,
                    "Slack did not answer " + method + " after " + count + " tries (" + what + "). Try again later.");
        }
        Duration wait = BACKOFF.after(count, clock);
        log.info("Slack {} failed ({}); retry {} in {} ms", method, what, count, wait.toMillis());
        pause(clock, wait, session.checkCancelled());
        return count;
    }

    /** A wait that a cancel ends; an interrupt ends the sync with Slack's own kind of error. */
    static void pause(RetryClock clock, Duration wait, Runnable checkCancelled) {
        try {
            clock.sleep(wait, checkCancelled::run);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackApiError("interrupted", null, "The sync was interrupted while waiting for Slack.");
        }
    }

    private static <T extends SlackApiTextResponse> T checked(String method, T response) {
        if (response == null) {
            throw new SlackApiError("empty_response", null, "Slack sent no answer to " + method + ".");
        }
        if (!response.isOk()) {
            throw SlackApiError.of(
                    method, String.valueOf(response.getError()), response.getNeeded(), response.getProvided());
        }
        return response;
    }

    /** At least a second: a missing or malformed header still means "slow down". */
    static Duration retryAfter(String header, Instant now) {
        Duration second = Duration.ofSeconds(1);
        return RetryAfter.parse(header, now)
                .filter(wait -> wait.compareTo(second) > 0)
                .orElse(second);
    }
}
