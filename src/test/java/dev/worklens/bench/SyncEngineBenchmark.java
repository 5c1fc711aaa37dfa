package dev.worklens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.WorklensApplication;
import dev.worklens.activity.WorkUnits;
import dev.worklens.sync.SimulatedApiSource;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Engine overhead over the sources' own (simulated API) time for a 50-member, 2-source job, and
 * how long a task's advance takes to show in {@code GET /api/syncs/{id}}, over real HTTP.
 * Scale: -Dbench.members (50), -Dbench.pages (5), -Dbench.pageMillis (30).
 */
@Tag("benchmark")
@DisplayName("Sync engine benchmark")
class SyncEngineBenchmark {

    static final int MEMBERS = Integer.getInteger("bench.members", 50);
    static final int PAGES = Integer.getInteger("bench.pages", 5);
    static final long PAGE_MILLIS = Long.getLong("bench.pageMillis", 30);
    static final String KEY = "test-internal-key-0123";
    static final ObjectMapper JSON = new ObjectMapper();

    @TestConfiguration(proxyBeanMethods = false)
    static class Simulated {
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SimulatedApiSource simulatedSlack(WorkUnits units) {
            return new SimulatedApiSource("slack", units);
        }

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SimulatedApiSource simulatedGithub(WorkUnits units) {
            return new SimulatedApiSource("github", units);
        }
    }

    static ConfigurableApplicationContext app;
    static HttpClient http = HttpClient.newHttpClient();
    static String base;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(WorklensApplication.class, Simulated.class)
                .run(
                        "--spring.profiles.active=test",
                        "--spring.datasource.url=jdbc:h2:mem:bench-" + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        base = "http://127.0.0.1:"
                + ((WebServerApplicationContext) app).getWebServer().getPort();
        var operator = app.getBean(Operators.class).local();
        for (int i = 1; i < MEMBERS; i++) {
            app.getBean(Roster.class)
                    .add(operator.id(), new MemberFields("U" + i, "Engineer " + i, null, null, "eng" + i));
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static SimulatedApiSource source(String name) {
        return app.getBean(name, SimulatedApiSource.class);
    }

    static JsonNode call(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("X-Internal-Key", KEY)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return JSON.readTree(
                http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    static boolean ended(JsonNode job) {
        return List.of("succeeded", "failed", "cancelled")
                .contains(job.get("state").asString());
    }

    @Test
    @DisplayName("engine overhead over the sources' own time (target ≤ 5%)")
    void overhead() throws Exception {
        List<Double> overheads = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            source("simulatedSlack").configure(PAGES, PAGE_MILLIS, false);
            source("simulatedGithub").configure(PAGES, PAGE_MILLIS, false);
            long start = System.nanoTime();
            long id = call("POST", "/api/syncs", "{\"members\":\"all\",\"sources\":[\"slack\",\"github\"]}")
                    .get("id")
                    .asLong();
            JsonNode job;
            do {
                job = call("GET", "/api/syncs/" + id, null);
            } while (!ended(job));
            long wall = System.nanoTime() - start;
            long own = Math.max(
                    source("simulatedSlack").ownNanos(),
                    source("simulatedGithub").ownNanos());
            assertThat(job.get("state").asString()).isEqualTo("succeeded");
            assertThat(job.get("tasks")).hasSize(MEMBERS * 2);
            double overhead = 100.0 * (wall - own) / own;
            overheads.add(overhead);
            System.out.printf(
                    "SyncEngineBenchmark round %d: %d members x 2 sources, job wall %.0f ms, sources' own time %.0f ms,"
                            + " engine overhead %.2f%% (target <= 5%%)%n",
                    round + 1, MEMBERS, wall / 1e6, own / 1e6, overhead);
        }
        Collections.sort(overheads);
        System.out.printf(
                "SyncEngineBenchmark engine overhead median %.2f%% (target <= 5%%)%n",
                overheads.get(overheads.size() / 2));
    }

    @Test
    @DisplayName("progress latency from a task advancing to GET /api/syncs/{id} showing it (target ≤ 1 s)")
    void progressLatency() throws Exception {
        SimulatedApiSource slack = source("simulatedSlack");
        int samples = 20;
        slack.configure(samples, 0, true);
        long id = call("POST", "/api/syncs", "{\"members\":\"me\",\"sources\":[\"slack\"]}")
                .get("id")
                .asLong();
        List<Double> latencies = new ArrayList<>();
        for (int i = 1; i <= samples; i++) {
            slack.step();
            JsonNode task;
            long seen;
            do {
                task = call("GET", "/api/syncs/" + id, null).get("tasks").get(0);
                seen = System.nanoTime();
            } while (task.get("done").asInt() < i);
            latencies.add((seen - slack.lastAdvanceNanos()) / 1e6);
        }
        System.out.println("SyncEngineBenchmark progress latencies in order (ms): " + latencies);
        Collections.sort(latencies);
        System.out.printf(
                "SyncEngineBenchmark progress latency over %d advances: median %.0f ms, max %.0f ms (target <= 1000 ms)%n",
                samples, latencies.get(samples / 2), latencies.get(samples - 1));
    }
}
