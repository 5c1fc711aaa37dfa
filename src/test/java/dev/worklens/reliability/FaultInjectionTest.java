package dev.worklens.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.demo.FakeApiServer;
import dev.worklens.demo.FakeGitHubApi;
import dev.worklens.demo.FakeSlackApi;
import dev.worklens.support.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The whole product under a bad network: a team sync (Slack and GitHub overview, the operator and
 * four members) through {@code POST /api/syncs} on the real engine, once against well-behaved fakes
 * and once against fakes that answer 5xx, drop connections, answer slowly and rate-limit in bursts.
 * Both databases must hold exactly the same rows, the faulty job must succeed, and no call may
 * arrive before the {@code Retry-After} it was told to wait. Everything the application logged —
 * start-up, both syncs, a report and error answers — is scanned for secrets.
 */
@DisplayName("Whole-product sync under injected faults")
@ExtendWith(OutputCaptureExtension.class)
class FaultInjectionTest {

    static final FakeApiServer.Faults SLACK_FAULTS =
            new FakeApiServer.Faults(0.05, 0.03, 0.05, Duration.ofMillis(80), 0.03, 3, 11);
    static final FakeApiServer.Faults GITHUB_FAULTS =
            new FakeApiServer.Faults(0.06, 0.06, 0.06, Duration.ofMillis(80), 0.04, 3, 18);

    @Test
    @DisplayName("5xx, dropped connections, slow answers and 429 bursts end with the rows of a clean run")
    void faultyRunStoresExactlyWhatACleanRunStores(CapturedOutput output) {
        Map<String, List<String>> clean;
        long cleanCalls;
        try (var product = new Product()) {
            ConfigurableApplicationContext app = product.start(Product.h2Memory());
            try {
                Product.prepareTeam(app, product.workspace);
                product.slack.resetCounts();
                product.github.resetCounts();
                var api = SyncApi.of(app);
                JsonNode job = api.finished(api.startedSync("all"), Duration.ofSeconds(60));
                assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("succeeded");
                clean = StoredData.snapshot(Product.jdbc(app));
                cleanCalls = product.slack.totalCalls() + product.github.totalCalls();
            } finally {
                app.close();
            }
            assertThat(clean.get("slack_messages")).hasSizeGreaterThan(50);
            assertThat(clean.get("github_pull_requests")).isNotEmpty();
            assertThat(clean.get("github_reviews")).isNotEmpty();
            assertThat(clean.get("slack_mentions")).isNotEmpty();

            // the same fakes (permalinks carry their address), a second database
            app = product.start(Product.h2Memory());
            try {
                Product.prepareTeam(app, product.workspace);
                product.slack.resetCounts();
                product.github.resetCounts();
                product.slack.faults(SLACK_FAULTS);
                product.github.faults(GITHUB_FAULTS);
                var api = SyncApi.of(app);
                JsonNode job = api.finished(api.startedSync("all"), Duration.ofSeconds(120));
                assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("succeeded");
                assertThat(job.path("tasks").values())
                        .hasSize(2
                                * Product.jdbc(app)
                                        .sql("SELECT COUNT(*) FROM members")
                                        .query(Integer.class)
                                        .single())
                        .allSatisfy(t -> assertThat(t.path("state").asString()).isEqualTo("succeeded"));

                Map<String, List<String>> faulty = StoredData.snapshot(Product.jdbc(app));
                assertThat(faulty.keySet()).containsExactlyElementsOf(clean.keySet());
                faulty.forEach((table, rows) -> assertThat(rows).as(table).containsExactlyElementsOf(clean.get(table)));

                var slackWaits = Waits.check(product.slack.callLog(), Waits::slackScope);
                var githubWaits = Waits.check(product.github.callLog(), Waits::githubScope);
                assertThat(slackWaits.broken()).as("Slack waits").isEmpty();
                assertThat(githubWaits.broken()).as("GitHub waits").isEmpty();
                assertThat(slackWaits.rateLimitedAnswers()).isPositive();
                assertThat(githubWaits.rateLimitedAnswers()).isPositive();
                assertThat(product.slackTime.waitedMillis()).isGreaterThanOrEqualTo(slackWaits.askedSeconds());
                Map<String, Long> slackFaults = product.slack.injectedFaults();
                Map<String, Long> githubFaults = product.github.injectedFaults();
                assertThat(slackFaults).containsKeys("server_error", "dropped", "slow", "rate_limited");
                assertThat(githubFaults).containsKeys("server_error", "dropped", "slow", "rate_limited");

                System.out.printf(
                        "reliability.faults clean: %d calls; faulty: slack %d calls %s, github %d calls %s;"
                                + " rate-limit answers honoured: slack %d (%d s asked, %d s waited), github %d (%d s"
                                + " asked, %d s waited); rows compared: %d (%s)%n",
                        cleanCalls,
                        product.slack.totalCalls(),
                        new TreeMap<>(slackFaults),
                        product.github.totalCalls(),
                        new TreeMap<>(githubFaults),
                        slackWaits.rateLimitedAnswers(),
                        slackWaits.askedSeconds(),
                        product.slackTime.waitedMillis() / 1000,
                        githubWaits.rateLimitedAnswers(),
                        githubWaits.askedSeconds(),
                        product.githubTime.waitedMillis() / 1000,
                        StoredData.rows(faulty),
                        StoredData.counts(faulty));

                exerciseReportsAndErrors(api, app);
            } finally {
                app.close();
            }
        }
        assertNoSecretIn(output.getAll());
    }

    /** A report and the error answers, so their logging is scanned too. */
    private static void exerciseReportsAndErrors(SyncApi api, ConfigurableApplicationContext app) {
        long member = Product.jdbc(app)
                .sql("SELECT MIN(id) FROM members WHERE is_operator = FALSE")
                .query(Long.class)
                .single();
        assertThat(api.report(member).status()).isEqualTo(200);
        assertThat(api.send("GET", "/api/reports/" + member + "/summary?format=text", null)
                        .status())
                .isEqualTo(200);
        assertThat(api.send("GET", "/api/syncs", null, "wrong-key-" + ApiClient.KEY)
                        .status())
                .isEqualTo(401);
        assertThat(api.send("POST", "/api/syncs", "{\"members\": 5, \"from\": \"2026-13-45\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.send("GET", "/api/syncs/987654", null).status()).isEqualTo(404);
        assertThat(api.send("GET", "/api/reports/987654", null).status()).isEqualTo(404);
        assertThat(api.send("POST", "/api/syncs", "{not json").status()).isEqualTo(400);
    }

    static void assertNoSecretIn(String logs) {
        assertThat(logs).as("captured logs").isNotBlank();
        assertThat(logs)
                .as("the logs must never carry a secret")
                .doesNotContain(FakeSlackApi.TOKEN)
                .doesNotContain(FakeGitHubApi.TOKEN)
                .doesNotContain(Product.ANTHROPIC_KEY)
                .doesNotContain(Product.APP_SECRET_KEY);
    }
}
