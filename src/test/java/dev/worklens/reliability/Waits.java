package dev.worklens.reliability;

import dev.worklens.demo.FakeApiServer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a fake's call log for broken waits: after an answer asking for {@code Retry-After: r} at
 * time t, no later call of the same rate-limit scope may arrive before t + r. The stamps are the
 * API's {@link dev.worklens.system.retry.VirtualTime}, which only the client's own waits move.
 */
final class Waits {

    private Waits() {}

    record Report(int rateLimitedAnswers, long askedSeconds, List<String> broken) {}

    static Report check(List<FakeApiServer.Call> log, Function<String, String> scope) {
        List<String> broken = new ArrayList<>();
        int limited = 0;
        long asked = 0;
        for (int i = 0; i < log.size(); i++) {
            FakeApiServer.Call limit = log.get(i);
            if (limit.retryAfterSeconds() <= 0) {
                continue;
            }
            limited++;
            asked += limit.retryAfterSeconds();
            long openAt = limit.arrivedAtMillis() + limit.retryAfterSeconds() * 1000;
            String limitedScope = scope.apply(limit.method());
            for (int j = i + 1; j < log.size(); j++) {
                FakeApiServer.Call next = log.get(j);
                if (scope.apply(next.method()).equals(limitedScope) && next.arrivedAtMillis() < openAt) {
                    broken.add(next.method() + " called " + (openAt - next.arrivedAtMillis())
                            + " ms before the Retry-After of the " + limit.status() + " on " + limit.method()
                            + " had passed");
                }
            }
        }
        return new Report(limited, asked, broken);
    }

    /** Slack limits each Web API method on its own. */
    static String slackScope(String method) {
        return method;
    }

    /** GitHub limits search, GraphQL and the core REST API separately. */
    static String githubScope(String method) {
        return method.startsWith("core:") ? "core" : method;
    }
}
