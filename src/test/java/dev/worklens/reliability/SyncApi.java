package dev.worklens.reliability;

import static org.awaitility.Awaitility.await;

import dev.worklens.support.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON API of one running Worklens, over real HTTP, the way a script or the demo calls it. */
final class SyncApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FINISHED = Set.of("succeeded", "failed", "cancelled");

    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    SyncApi(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    static SyncApi of(org.springframework.context.ConfigurableApplicationContext app) {
        return new SyncApi(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    record Answer(int status, JsonNode body, String text) {}

    /** {@code POST /api/syncs} for Slack and GitHub (overview) over the test range. */
    Answer startSync(Object members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("members", members);
        body.put("sources", List.of("slack", "github"));
        body.put("from", Product.FIRST_DAY.toString());
        body.put("to", Product.LAST_DAY.toString());
        body.put("github_mode", "overview");
        return send("POST", "/api/syncs", JSON.writeValueAsString(body));
    }

    long startedSync(Object members) {
        Answer answer = startSync(members);
        if (answer.status() != 202) {
            throw new IllegalStateException("the sync did not start: " + answer.status() + " " + answer.text());
        }
        return answer.body().path("id").asLong();
    }

    JsonNode job(long id) {
        return send("GET", "/api/syncs/" + id, null).body();
    }

    /** Waits for the job to finish and returns its final view. */
    JsonNode finished(long id, Duration atMost) {
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> FINISHED.contains(job(id).path("state").asString()));
        return job(id);
    }

    Answer report(long memberId) {
        return send(
                "GET",
                "/api/reports/" + memberId + "?from=" + Product.FIRST_DAY + "&to=" + LocalDate.of(2026, 11, 20),
                null);
    }

    Answer send(String method, String path, String body) {
        return send(method, path, body, ApiClient.KEY);
    }

    Answer send(String method, String path, String body, String key) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (key != null) {
                request.header("X-Internal-Key", key);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                // summaries and pages are text
            }
            return new Answer(response.statusCode(), json, response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
