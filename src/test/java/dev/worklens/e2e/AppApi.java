package dev.worklens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The app's JSON API over real HTTP with the internal key, for the steps a test does not click. */
final class AppApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String key;
    private final HttpClient http = HttpClient.newHttpClient();

    AppApi(int port, String key) {
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), 200);
    }

    JsonNode post(String path, Object body, int expectedStatus) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
                expectedStatus);
    }

    /** Waits for a sync job to end and returns its final state. */
    JsonNode awaitSync(long job) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> get("/api/syncs/" + job),
                        s -> !s.path("state").asString().matches("queued|running"));
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response =
                    http.send(request.header("X-Internal-Key", key).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("the API did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
