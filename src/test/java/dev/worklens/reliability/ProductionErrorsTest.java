package dev.worklens.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.WorklensApplication;
import dev.worklens.support.ApiClient;
import dev.worklens.support.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Production mode (PostgreSQL, https base URL, Slack sign-in) with a fault forced inside a route:
 * the table the route reads is renamed away under it, so the database throws mid-request. A
 * signed-in manager's page and the JSON API both answer 500 in plain words, and neither carries
 * the exception's text, its class or a stack trace.
 */
@DisplayName("Production mode hides exception text")
class ProductionErrorsTest {

    /** What a leaked SQL exception or trace would contain. */
    private static final List<String> LEAKS = List.of(
            "members_hidden",
            "relation",
            "does not exist",
            "SQL",
            "Exception",
            "org.postgresql",
            "org.springframework",
            "dev.worklens",
            "\tat ",
            "trace");

    private static Product product;
    private static ConfigurableApplicationContext app;
    private static URI base;
    private static final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        product = new Product();
        String url = PostgresServer.newDatabaseUrl();
        app = new SpringApplicationBuilder(WorklensApplication.class)
                .run(
                        "--APP_ENV=production",
                        "--DATABASE_URL=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--APP_BASE_URL=https://worklens.example.com",
                        "--APP_SECRET_KEY=" + Product.APP_SECRET_KEY,
                        "--INTERNAL_API_KEY=" + ApiClient.KEY,
                        "--AUTH_MODE=slack",
                        "--WORKLENS_OPERATORS=*",
                        "--SLACK_BASE_URL=" + product.slack.baseUrl(),
                        "--SLACK_CLIENT_ID=" + dev.worklens.demo.FakeSlackApi.CLIENT_ID,
                        "--SLACK_CLIENT_SECRET=" + dev.worklens.demo.FakeSlackApi.CLIENT_SECRET,
                        "--GITHUB_API_URL=http://127.0.0.1:1",
                        "--ENABLE_AI_EXTRACTION=false",
                        "--db-scheduler.enabled=false",
                        "--server.port=0");
        base = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        product.close();
    }

    @Test
    @DisplayName("a failing page and a failing API call answer 500 without exception text")
    void failingRoutesHideTheException() throws Exception {
        String session = signInThroughSlack();
        assertThat(get("/team", session, "text/html").statusCode()).isEqualTo(200);
        assertThat(api("/api/members").statusCode()).isEqualTo(200);

        var jdbc = app.getBean(JdbcClient.class);
        jdbc.sql("ALTER TABLE members RENAME TO members_hidden").update();
        try {
            HttpResponse<String> page = get("/team", session, "text/html");
            assertThat(page.statusCode()).isEqualTo(500);
            assertThat(page.body()).contains("Something went wrong");
            assertNoLeak(page.body());

            HttpResponse<String> json = api("/api/members");
            assertThat(json.statusCode()).isEqualTo(500);
            assertThat(json.body()).contains("\"error\"").contains("\"message\"");
            assertNoLeak(json.body());
        } finally {
            jdbc.sql("ALTER TABLE members_hidden RENAME TO members").update();
        }
    }

    private static void assertNoLeak(String body) {
        for (String leak : LEAKS) {
            assertThat(body).as("the answer must not carry exception text").doesNotContain(leak);
        }
    }

    /**
     * Sign in with Slack the way a browser does, against the fake: start → authorize → callback.
     * The callback address is the https base URL, so it is called on the loopback server directly.
     */
    private static String signInThroughSlack() throws Exception {
        HttpResponse<String> start = get("/auth/slack/start", null, "text/html");
        assertThat(start.statusCode()).isEqualTo(302);
        String session = cookie(start);
        HttpResponse<String> authorize = http.send(
                HttpRequest.newBuilder(URI.create(
                                start.headers().firstValue("Location").orElseThrow()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        URI callback = URI.create(authorize.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo("/auth/slack/callback");
        HttpResponse<String> done = get(callback.getPath() + "?" + callback.getRawQuery(), session, "text/html");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        String signedIn = cookie(done);
        return signedIn == null ? session : signedIn;
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=") || c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .reduce((first, last) -> last)
                .orElse(null);
    }

    private static HttpResponse<String> get(String path, String session, String accept) throws Exception {
        var request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept);
        if (session != null) {
            request.header("Cookie", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> api(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("X-Internal-Key", ApiClient.KEY)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
