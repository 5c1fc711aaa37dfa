package dev.worklens.github.client;

import dev.worklens.github.client.GitHubApiException.Problem;
import dev.worklens.system.retry.Backoff;
import dev.worklens.system.retry.Cancellation;
import dev.worklens.system.retry.RateLimitHeaders;
import dev.worklens.system.retry.RetryAfter;
import dev.worklens.system.retry.RetryClock;
import dev.worklens.system.retry.RetryableStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one GitHub request and deals with everything that is not data: rate limits (secondary
 * limits with retry-after, primary exhaustion until x-ratelimit-reset), 5xx and dropped
 * connections with backoff, and the answers that end a task (401, SAML 403, 422). The token only
 * ever goes into the Authorization header; nothing here logs headers or puts them in a message.
 */
class GitHubHttp {

    private static final Logger log = LoggerFactory.getLogger(GitHubHttp.class);
    private static final Pattern SSO_ORG = Pattern.compile("/orgs/([^/]+)/sso");

    private final HttpClient http;
    private final String token;
    private final URI base;
    private final RetryClock clock;
    private final Backoff backoff;
    private final GitHubClients.Limits limits;
    private final JsonMapper json;
    private final Cancellation cancellation;
    private final AtomicLong calls;

    GitHubHttp(
            HttpClient http,
            String token,
            URI base,
            RetryClock clock,
            GitHubClients.Limits limits,
            JsonMapper json,
            Cancellation cancellation,
            AtomicLong calls) {
        this.http = http;
        this.token = token;
        this.base = base;
        this.clock = clock;
        this.backoff = Backoff.exponential(limits.firstBackoff(), Duration.ofSeconds(30));
        this.limits = limits;
        this.json = json;
        this.cancellation = cancellation;
        this.calls = calls;
    }

    /** A path under the API root, keeping the root's own path (GHES serves under /api/v3). */
    URI resolve(String pathAndQuery) {
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + (pathAndQuery.startsWith("/") ? "" : "/") + pathAndQuery);
    }

    /** GraphQL lives beside the REST root: api.github.com/graphql, or HOST/api/graphql on GHES. */
    URI graphqlUri() {
        String root = base.toString().replaceAll("/+$", "");
        if (root.endsWith("/api/v3")) {
            return URI.create(root.substring(0, root.length() - "/v3".length()) + "/graphql");
        }
        return URI.create(root + "/graphql");
    }

    GitHubResponse get(URI uri) {
        return send(uri, null);
    }

    GitHubResponse post(URI uri, String body) {
        return send(uri, body);
    }

    private GitHubResponse send(URI uri, String body) {
        int failures = 0;
        int limitWaits = 0;
        while (true) {
            cancellation.check();
            HttpResponse<String> response;
            try {
                calls.incrementAndGet();
                response = http.send(request(uri, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                failures++;
                if (failures > limits.maxRetries()) {
                    throw new GitHubApiException(
                            Problem.UNAVAILABLE,
                            "GitHub could not be reached after " + failures + " attempts ("
                                    + e.getClass().getSimpleName() + "); try the sync again later");
                }
                log.info(
                        "GitHub connection failed ({}), retry {} of {}",
                        e.getClass().getSimpleName(),
                        failures,
                        limits.maxRetries());
                pause(clock, backoff.after(failures, clock), cancellation);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GitHubApiException(Problem.UNAVAILABLE, "the GitHub call was interrupted");
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new GitHubResponse(status, response.headers(), parse(response.body()));
            }
            if (status == 401) {
                throw new GitHubApiException(Problem.BAD_TOKEN, status, GitHubApiException.BAD_TOKEN_MESSAGE);
            }
            if (status == 403 || status == 429) {
                String sso = response.headers().firstValue("x-github-sso").orElse(null);
                if (sso != null && sso.startsWith("required")) {
                    throw samlProblem(sso);
                }
                Duration wait = rateLimitWait(status, response);
                if (wait != null) {
                    limitWaits++;
                    if (limitWaits > limits.maxRateLimitWaits()) {
                        throw new GitHubApiException(
                                Problem.UNAVAILABLE,
                                status,
                                limits.maxRateLimitWaits() == 0
                                        ? "GitHub is rate-limiting this token right now; try again in a few minutes"
                                        : "GitHub kept answering with rate limits after " + limits.maxRateLimitWaits()
                                                + " waits; try the sync again later");
                    }
                    log.info(
                            "GitHub rate limit ({} {}), waiting {} s",
                            status,
                            response.headers()
                                    .firstValue("x-ratelimit-resource")
                                    .orElse("unknown resource"),
                            wait.toSeconds());
                    pause(clock, wait, cancellation);
                    continue;
                }
                throw new GitHubApiException(
                        Problem.FORBIDDEN, status, "GitHub refused the request (" + status + "): " + message(response));
            }
            if (RetryableStatus.test(status)) {
                failures++;
                if (failures > limits.maxRetries()) {
                    throw new GitHubApiException(
                            Problem.UNAVAILABLE,
                            status,
                            "GitHub answered " + status + " " + failures + " times in a row; try the sync again later");
                }
                pause(clock, backoff.after(failures, clock), cancellation);
                continue;
            }
            Problem problem = status == 422 ? Problem.UNPROCESSABLE : status == 404 ? Problem.NOT_FOUND : Problem.OTHER;
            throw new GitHubApiException(problem, status, "GitHub answered " + status + ": " + message(response));
        }
    }

    /** GraphQL answers 200 with a RATE_LIMITED error: wait until the reset the headers name. */
    void awaitReset(GitHubResponse response) {
        Duration wait = RateLimitHeaders.untilReset(response.header("x-ratelimit-reset"), clock.now())
                .orElse(Duration.ofMinutes(1));
        pause(clock, wait, cancellation);
    }

    /** A wait that a cancel ends; an interrupt ends the task as GitHub being unavailable. */
    static void pause(RetryClock clock, Duration wait, Cancellation cancellation) {
        try {
            clock.sleep(wait, cancellation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubApiException(Problem.UNAVAILABLE, "the GitHub wait was interrupted");
        }
    }

    private HttpRequest request(URI uri, String body) {
        var builder = HttpRequest.newBuilder(uri)
                .timeout(limits.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "worklens");
        if (body == null) {
            return builder.GET().build();
        }
        return builder.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    /**
     * How long a 403/429 asks us to wait, or null when it is not a rate limit. GitHub's rules:
     * retry-after wins; remaining 0 means wait until the reset time; a secondary limit without
     * either header means wait at least a minute. A 429 is always a rate limit, even bare (a proxy
     * in front of GitHub Enterprise may drop the headers), so it waits a minute rather than
     * ending the sync as a refusal.
     */
    private Duration rateLimitWait(int status, HttpResponse<String> response) {
        var headers = response.headers();
        var retryAfter = headers.firstValue("retry-after");
        if (retryAfter.isPresent()) {
            Duration second = Duration.ofSeconds(1);
            return RetryAfter.parse(retryAfter.get(), clock.now())
                    .map(wait -> wait.compareTo(second) < 0 ? second : wait)
                    .orElse(Duration.ofMinutes(1));
        }
        Duration untilReset = RateLimitHeaders.exhausted(
                        headers.firstValue("x-ratelimit-remaining").orElse(null),
                        headers.firstValue("x-ratelimit-reset").orElse(null),
                        clock.now())
                .orElse(null);
        if (untilReset != null) {
            return untilReset;
        }
        String message = message(response).toLowerCase();
        if (status == 429 || message.contains("secondary rate limit") || message.contains("abuse")) {
            return Duration.ofMinutes(1);
        }
        return null;
    }

    private GitHubApiException samlProblem(String ssoHeader) {
        Matcher m = SSO_ORG.matcher(ssoHeader);
        String org = m.find() ? m.group(1) : "the organisation";
        int url = ssoHeader.indexOf("url=");
        String where = url >= 0 ? " at " + ssoHeader.substring(url + 4).trim() : "";
        return new GitHubApiException(
                Problem.SAML,
                403,
                "the GitHub token is not authorised for the organisation '" + org
                        + "', which enforces SAML single sign-on: authorise the token for " + org + where);
    }

    private String message(HttpResponse<String> response) {
        try {
            JsonNode node = json.readTree(response.body());
            String message = node.path("message").asString("");
            if (!message.isBlank()) {
                return message;
            }
        } catch (RuntimeException e) {
            // not JSON: fall through to the status line
        }
        return "no message";
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (RuntimeException e) {
            throw new GitHubApiException(Problem.OTHER, "GitHub answered something that is not JSON");
        }
    }
}
