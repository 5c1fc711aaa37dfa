package dev.worklens.devtrack.notion;

import dev.worklens.system.retry.Backoff;
import dev.worklens.system.retry.Cancellation;
import dev.worklens.system.retry.RetryAfter;
import dev.worklens.system.retry.RetryClock;
import dev.worklens.system.retry.RetryableStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to the Notion API, version 2026-03-11: bearer auth, paced at about three requests a second,
 * and 408/429/5xx answers (529 overloaded included) waited out as {@code Retry-After} says, or with
 * the retry kit's back-off when Notion names no wait.
 */
public class NotionClient {

    public static final String VERSION = "2026-03-11";
    static final int MAX_RETRIES = 8;
    static final Backoff BACKOFF = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30));

    private final String baseUrl;
    private final String apiKey;
    private final JsonMapper json;
    private final RetryClock clock;
    private final RequestPacer pacer;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public NotionClient(URI baseUrl, String apiKey, JsonMapper json, RetryClock clock) {
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.apiKey = apiKey;
        this.json = json;
        this.clock = clock;
        this.pacer = new RequestPacer(clock, Duration.ofMillis(334));
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** One GET without retries or waits, for a page that must answer now (the Connect page). */
    public JsonNode getOnce(String path) {
        return send("GET", path, null, 0);
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    public JsonNode patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    private JsonNode send(String method, String path, Object body) {
        return send(method, path, body, MAX_RETRIES);
    }

    private JsonNode send(String method, String path, Object body, int maxRetries) {
        try {
            String payload = body == null ? null : json.writeValueAsString(body);
            for (int attempt = 0; ; attempt++) {
                if (maxRetries > 0) {
                    pacer.await();
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + apiKey)
                        .header("Notion-Version", VERSION)
                        .header("Accept", "application/json");
                if (payload != null) {
                    request.header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(payload));
                } else {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (RetryableStatus.test(status) && attempt < maxRetries) {
                    int failures = attempt + 1;
                    Duration wait = RetryAfter.parse(
                                    response.headers().firstValue("Retry-After").orElse(null), clock.now())
                            .orElseGet(() -> BACKOFF.after(failures, clock));
                    clock.sleep(wait, Cancellation.NONE);
                    continue;
                }
                JsonNode answer = parse(response.body());
                if (status >= 400) {
                    throw new NotionApiException(
                            status,
                            answer.path("code").asString("http_" + status),
                            answer.path("message").asString("Notion answered HTTP " + status));
                }
                return answer;
            }
        } catch (IOException e) {
            throw new NotionApiException(
                    0, "unreachable", "Could not reach Notion at " + baseUrl + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotionApiException(0, "interrupted", "Interrupted while waiting for Notion");
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }
}
