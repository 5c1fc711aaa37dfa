package dev.worklens.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("The demo's stand-in GitHub speaks search and GraphQL as documented")
class FakeGitHubApiTest {

    SyntheticWorkspace workspace =
            SyntheticWorkspace.generate(SyntheticWorkspace.Spec.demo(LocalDate.of(2026, 11, 30)));
    FakeGitHubApi api;
    HttpClient http = HttpClient.newHttpClient();
    JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void start() {
        api = FakeGitHubApi.start(workspace, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    @DisplayName("date qualifiers are inclusive and bare dates cover the whole day")
    void qualifiers() {
        Instant lateOnDay = Instant.parse("2026-11-20T23:59:59Z");
        assertThat(FakeGitHubSearch.inRange(lateOnDay, "2026-11-01..2026-11-20"))
                .isTrue();
        assertThat(FakeGitHubSearch.inRange(lateOnDay, "2026-11-21..2026-11-30"))
                .isFalse();
        assertThat(FakeGitHubSearch.inRange(lateOnDay, ">=2026-11-20")).isTrue();
        assertThat(FakeGitHubSearch.inRange(lateOnDay, "<2026-11-20")).isFalse();
    }

    @Test
    @DisplayName("search finds a member's pull requests case-insensitively, with total_count and Link paging")
    void search() throws Exception {
        var person = workspace.people().get(1);
        String q = "type:pr author:" + person.githubLogin().toUpperCase() + " created:2020-01-01..2030-01-01";
        long expected = workspace.pullRequests().stream()
                .filter(p -> p.authorLogin().equals(person.githubLogin()))
                .count();
        var response = get("/search/issues?per_page=5&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("total_count").asInt()).isEqualTo(expected);
        assertThat(response.headers().firstValue("Link").orElse("")).contains("rel=\"next\"");
        assertThat(response.headers().firstValue("x-ratelimit-resource")).contains("search");
        assertThat(get("/search/issues?per_page=100&page=11&q=type:pr").statusCode())
                .isEqualTo(422);
    }

    @Test
    @DisplayName("a wrong token is a 401")
    void badToken() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/user"))
                .header("Authorization", "Bearer nope")
                .build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }

    private HttpResponse<String> get(String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", "Bearer " + FakeGitHubApi.TOKEN)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
