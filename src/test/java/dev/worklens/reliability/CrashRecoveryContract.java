package dev.worklens.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklens.sync.engine.JobView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A Worklens process is killed (SIGKILL) in the middle of a team sync; a new one on the same
 * database marks the job interrupted, a re-run finishes it, and the stored rows are exactly those
 * of a clean, uninterrupted run.
 */
abstract class CrashRecoveryContract {

    /** A fresh database this test owns. */
    abstract String databaseUrl();

    @Test
    @DisplayName("killed mid-sync, restarted on the same database, re-run: the rows of a clean run")
    void killedMidSyncThenRerun() throws Exception {
        try (var product = new Product()) {
            Map<String, List<String>> clean = cleanRun(product);

            String url = databaseUrl();
            ConfigurableApplicationContext setup = product.start(url);
            try {
                Product.prepareTeam(setup, product.workspace);
            } finally {
                setup.close();
            }

            // slow answers keep the sync mid-way long enough to be killed there
            product.slack.latency(Duration.ofMillis(60));
            product.github.latency(Duration.ofMillis(60));
            long job;
            long committedAtKill;
            try (var child = ChildProcess.start(product.arguments(url, "--worklens.sync.heartbeat-interval=200ms"))) {
                var api = child.api();
                job = api.startedSync("all");
                // read from outside the process, as committed: what the kill must not take back
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> committedRows(url) > 100);
                committedAtKill = committedRows(url);
                child.kill();
                // the child was started with every secret on its command line; none reaches its log
                FaultInjectionTest.assertNoSecretIn(child.log());
            }
            product.slack.latency(Duration.ZERO);
            product.github.latency(Duration.ZERO);

            ConfigurableApplicationContext restarted =
                    product.start(url, "--worklens.sync.dead-after=1s", "--worklens.sync.heartbeat-interval=200ms");
            try {
                var jdbc = Product.jdbc(restarted);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> JobView.INTERRUPTED.equals(
                                jdbc.sql("SELECT COALESCE(note, '') FROM sync_jobs WHERE id = ?")
                                        .param(job)
                                        .query(String.class)
                                        .single()));
                var api = SyncApi.of(restarted);
                JsonNode interrupted = api.job(job);
                assertThat(interrupted.path("state").asString()).isEqualTo("failed");
                assertThat(interrupted.path("tasks").values())
                        .anySatisfy(t -> assertThat(t.path("error").asString()).isEqualTo(JobView.INTERRUPTED));
                Map<String, List<String>> partial = StoredData.snapshot(jdbc);
                assertThat((long) StoredData.rows(partial))
                        .as("rows committed before the kill are still stored, and the kill came mid-sync")
                        .isGreaterThanOrEqualTo(committedAtKill)
                        .isLessThan(StoredData.rows(clean));

                JsonNode rerun = api.finished(api.startedSync("all"), Duration.ofSeconds(60));
                assertThat(rerun.path("state").asString()).as(rerun.toString()).isEqualTo("succeeded");
                Map<String, List<String>> recovered = StoredData.snapshot(jdbc);
                recovered.forEach(
                        (table, rows) -> assertThat(rows).as(table).containsExactlyElementsOf(clean.get(table)));
                System.out.printf(
                        "reliability.crash %s: killed after %d committed rows, %d rows stored at restart;"
                                + " after the re-run %d rows (%s), identical to the clean run%n",
                        getClass().getSimpleName(),
                        committedAtKill,
                        StoredData.rows(partial),
                        StoredData.rows(recovered),
                        StoredData.counts(recovered));
            } finally {
                restarted.close();
            }
        }
    }

    static Map<String, List<String>> cleanRun(Product product) {
        ConfigurableApplicationContext app = product.start(Product.h2Memory());
        try {
            Product.prepareTeam(app, product.workspace);
            var api = SyncApi.of(app);
            JsonNode job = api.finished(api.startedSync("all"), Duration.ofSeconds(60));
            assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("succeeded");
            return StoredData.snapshot(Product.jdbc(app));
        } finally {
            app.close();
        }
    }

    /** Rows of the compared tables, counted over a connection of the test's own. */
    static long committedRows(String url) throws java.sql.SQLException {
        boolean postgres = url.startsWith("jdbc:postgresql");
        try (var connection = java.sql.DriverManager.getConnection(
                        url, postgres ? "postgres" : "sa", postgres ? "postgres" : "");
                var result = connection
                        .createStatement()
                        .executeQuery("SELECT (SELECT COUNT(*) FROM slack_messages) + (SELECT COUNT(*) FROM"
                                + " slack_mentions) + (SELECT COUNT(*) FROM github_pull_requests) + (SELECT COUNT(*)"
                                + " FROM github_reviews) + (SELECT COUNT(*) FROM work_units)")) {
            result.next();
            return result.getLong(1);
        }
    }
}
