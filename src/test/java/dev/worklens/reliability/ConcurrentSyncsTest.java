package dev.worklens.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.support.PostgresServer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Syncs that overlap in time and in what they read: two jobs for different members of one team
 * (so the same channels and repositories) on one instance, and two instances on one PostgreSQL
 * each asked for the whole team at once. Whatever the engine decides to run, the stored rows are
 * exactly those of one clean run: nothing twice, nothing missing.
 */
@DisplayName("Concurrent syncs")
class ConcurrentSyncsTest {

    @Test
    @DisplayName("two jobs for different members over the same channels, at once on one instance")
    void twoJobsOnOneInstance() {
        try (var product = new Product()) {
            Map<String, List<String>> clean = CrashRecoveryContract.cleanRun(product);
            // a few milliseconds a call keeps both jobs in flight together
            product.slack.latency(Duration.ofMillis(15));
            product.github.latency(Duration.ofMillis(15));
            ConfigurableApplicationContext app = product.start(Product.h2Memory());
            try {
                Product.prepareTeam(app, product.workspace);
                List<Long> members = Product.jdbc(app)
                        .sql("SELECT id FROM members ORDER BY is_operator DESC, id")
                        .query(Long.class)
                        .list();
                var api = SyncApi.of(app);
                int half = members.size() / 2;
                var first = CompletableFuture.supplyAsync(() -> api.startedSync(members.subList(0, half)));
                var second =
                        CompletableFuture.supplyAsync(() -> api.startedSync(members.subList(half, members.size())));
                long a = first.join();
                long b = second.join();
                JsonNode jobA = api.finished(a, Duration.ofSeconds(90));
                JsonNode jobB = api.finished(b, Duration.ofSeconds(90));
                assertThat(jobA.path("state").asString()).as(jobA.toString()).isEqualTo("succeeded");
                assertThat(jobB.path("state").asString()).as(jobB.toString()).isEqualTo("succeeded");
                boolean overlapped = overlapped(jobA, jobB);

                Map<String, List<String>> stored = StoredData.snapshot(Product.jdbc(app));
                stored.forEach((table, rows) -> assertThat(rows).as(table).containsExactlyElementsOf(clean.get(table)));
                System.out.printf(
                        "reliability.concurrency one instance: jobs %d and %d (%d + %d members) %s; %d rows identical"
                                + " to a clean run%n",
                        a,
                        b,
                        half,
                        members.size() - half,
                        overlapped ? "ran at the same time" : "did not overlap",
                        StoredData.rows(stored));
                assertThat(overlapped)
                        .as("the two jobs must have run at the same time")
                        .isTrue();
            } finally {
                app.close();
            }
        }
    }

    @Test
    @DisplayName("two instances on one PostgreSQL, each asked for the whole team at once")
    void twoInstancesOnOnePostgres() {
        try (var product = new Product()) {
            Map<String, List<String>> clean = CrashRecoveryContract.cleanRun(product);
            product.slack.latency(Duration.ofMillis(5));
            product.github.latency(Duration.ofMillis(5));
            String url = PostgresServer.newDatabaseUrl();
            ConfigurableApplicationContext one = product.start(url);
            ConfigurableApplicationContext two = null;
            try {
                Product.prepareTeam(one, product.workspace);
                two = product.start(url);
                var apiOne = SyncApi.of(one);
                var apiTwo = SyncApi.of(two);
                var first = CompletableFuture.supplyAsync(() -> apiOne.startSync("all"));
                var second = CompletableFuture.supplyAsync(() -> apiTwo.startSync("all"));
                List<SyncApi.Answer> answers = List.of(first.join(), second.join());
                assertThat(answers)
                        .extracting(SyncApi.Answer::status)
                        .as(answers.toString())
                        .contains(202)
                        .allMatch(status -> status == 202 || status == 409);
                int started = 0;
                for (SyncApi.Answer answer : answers) {
                    if (answer.status() == 409) {
                        assertThat(answer.body().path("message").asString()).isNotBlank();
                        continue;
                    }
                    started++;
                    // each job's progress is visible from the other instance too
                    JsonNode job = apiTwo.finished(answer.body().path("id").asLong(), Duration.ofSeconds(90));
                    assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("succeeded");
                }
                Map<String, List<String>> stored = StoredData.snapshot(Product.jdbc(one));
                stored.forEach((table, rows) -> assertThat(rows).as(table).containsExactlyElementsOf(clean.get(table)));
                System.out.printf(
                        "reliability.concurrency two instances: answers %s, %d job(s) ran; %d rows identical to a"
                                + " clean run%n",
                        answers.stream().map(SyncApi.Answer::status).toList(), started, StoredData.rows(stored));
            } finally {
                if (two != null) {
                    two.close();
                }
                one.close();
            }
        }
    }

    private static boolean overlapped(JsonNode a, JsonNode b) {
        OffsetDateTime startA = OffsetDateTime.parse(a.path("started_at").asString());
        OffsetDateTime endA = OffsetDateTime.parse(a.path("finished_at").asString());
        OffsetDateTime startB = OffsetDateTime.parse(b.path("started_at").asString());
        OffsetDateTime endB = OffsetDateTime.parse(b.path("finished_at").asString());
        return startA.isBefore(endB) && startB.isBefore(endA);
    }
}
