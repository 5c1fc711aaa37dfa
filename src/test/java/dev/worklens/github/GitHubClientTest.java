package dev.worklens.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklens.demo.FakeGitHubApi;
import dev.worklens.demo.FakeGitHubData;
import dev.worklens.github.client.GitHubApiException;
import dev.worklens.github.client.GitHubClient;
import dev.worklens.github.client.GitHubClients;
import dev.worklens.github.client.SearchPacer;
import dev.worklens.sync.SyncCancelledException;
import dev.worklens.system.Settings;
import dev.worklens.system.retry.Cancellation;
import dev.worklens.system.retry.VirtualTime;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("GitHub client against a fake GitHub")
class GitHubClientTest {

    final VirtualTime time = new VirtualTime(Instant.parse("2026-12-01T06:00:00Z"));
    FakeGitHubApi github;

    GitHubClient client(String basePath, String token, FakeGitHubData data) {
        github = FakeGitHubApi.start(data, basePath, time.clock());
        var settings = new Settings.GitHub(token, URI.create(github.apiUrl()));
        var pacer = new SearchPacer(30, Duration.ofMinutes(1), time);
        return new GitHubClients(settings, pacer, time, GitHubClients.Limits.defaults()).open(Cancellation.NONE);
    }

    GitHubClient client() {
        return client("", FakeGitHubApi.TOKEN, new FakeGitHubData().user("DonVo"));
    }

    @AfterEach
    void tearDown() {
        if (github != null) {
            github.close();
        }
    }

    @Nested
    @DisplayName("GitHub Enterprise Server")
    class Enterprise {
        @Test
        @DisplayName("keeps the /api/v3 base path for REST and uses /api/graphql for GraphQL")
        void basePath() {
            var data = new FakeGitHubData().user("DonVo");
            var pr = data.pull(
                    "corp/app",
                    "alice",
                    Instant.parse("2026-10-01T00:00:00Z"),
                    null,
                    Instant.parse("2026-10-02T00:00:00Z"));
            data.review(pr, "DonVo", "APPROVED", Instant.parse("2026-10-01T12:00:00Z"));
            var c = client("/api/v3", FakeGitHubApi.TOKEN, data);
            assertThat(c.user().login()).isEqualTo("worklens-bot");
            assertThat(c.repositories(null).items()).containsExactly("corp/app");
            var page = c.reviewContributions(
                    "DonVo", Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-11-30T23:59:59Z"), null);
            assertThat(page.items()).hasSize(1);
            assertThat(github.requests)
                    .containsExactly(
                            "GET /api/v3/user",
                            "GET /api/v3/user/repos?per_page=100&sort=full_name"
                                    + "&affiliation=owner,collaborator,organization_member",
                            "POST /api/graphql");
        }
    }

    @Test
    @DisplayName("follows Link rel=next to the last page, never guessing the end from the page size")
    void linkPagination() {
        var data = new FakeGitHubData();
        for (int i = 0; i < 5; i++) {
            data.repo("acme/r" + i);
        }
        var c = client("", FakeGitHubApi.TOKEN, data);
        github.pageSize = 2;
        List<String> names = new ArrayList<>();
        String next = null;
        do {
            var page = c.repositories(next);
            names.addAll(page.items());
            next = page.next();
        } while (next != null);
        assertThat(names).hasSize(5).doesNotHaveDuplicates();
        assertThat(github.requests).hasSize(3);
    }

    @Test
    @DisplayName("reads the classic token's scopes, and none for a fine-grained token")
    void scopes() {
        var c = client();
        assertThat(c.user().scopes()).containsExactly("repo", "read:org");
        github.scopesHeader = null;
        assertThat(c.user().scopes()).isNull();
    }

    @Test
    @DisplayName("a secondary limit waits retry-after seconds, then asks again")
    void secondaryLimit() {
        var c = client();
        github.secondaryLimitNext(2);
        assertThat(c.user().login()).isEqualTo("worklens-bot");
        assertThat(time.waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    }

    @Test
    @DisplayName("a 429 without any rate-limit header waits a minute, then asks again")
    void bareTooManyRequests() {
        var c = client();
        github.bareTooManyRequestsNext(2);
        assertThat(c.user().login()).isEqualTo("worklens-bot");
        assertThat(time.waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(1));
    }

    @Test
    @DisplayName("primary exhaustion waits until x-ratelimit-reset")
    void primaryLimit() {
        var c = client();
        github.exhaustPrimaryNext(1);
        c.user();
        assertThat(time.waits).containsExactly(Duration.ofSeconds(601));
    }

    @Test
    @DisplayName("5xx answers are retried with growing backoff, and reported in words when they persist")
    void serverErrors() {
        var c = client();
        github.serverErrorsNext(3);
        c.user();
        assertThat(time.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        github.serverErrorsNext(100);
        assertThatThrownBy(c::user)
                .isInstanceOf(GitHubApiException.class)
                .hasMessageContaining("GitHub answered 502 7 times in a row");
    }

    @Test
    @DisplayName("a dropped connection is retried")
    void droppedConnection() {
        var c = client();
        github.randomFaults(new FakeGitHubApi.RandomFaults(1, 0, 1, 0, 0));
        assertThatThrownBy(c::user).hasMessageContaining("GitHub could not be reached after 7 attempts");
        github.randomFaults(null);
        assertThat(c.user().login()).isEqualTo("worklens-bot");
    }

    @Test
    @DisplayName("401 says the token is not valid and never repeats the token")
    void badToken() {
        var c = client("", "ghp_WRONGtoken999", new FakeGitHubData());
        assertThatThrownBy(c::user)
                .isInstanceOf(GitHubApiException.class)
                .hasMessageContaining("the GitHub token is not valid")
                .hasMessageNotContaining("ghp_WRONGtoken999");
    }

    @Test
    @DisplayName("a search for an unknown login is a 422 the source can name")
    void unknownLogin() {
        var c = client();
        assertThatThrownBy(() -> c.searchPullRequests(
                        "is:pr author:ghost created:2026-01-01T00:00:00+00:00..2026-02-01T00:00:00+00:00", null))
                .isInstanceOfSatisfying(
                        GitHubApiException.class,
                        e -> assertThat(e.problem()).isEqualTo(GitHubApiException.Problem.UNPROCESSABLE));
        assertThatThrownBy(() -> c.reviewContributions("ghost", Instant.EPOCH, Instant.EPOCH.plusSeconds(60), null))
                .hasMessage("GitHub login 'ghost' does not exist");
    }

    @Test
    @DisplayName("searches are paced to 30 a minute: the 31st waits for the first to leave the window")
    void pacer() {
        var c = client();
        for (int i = 0; i < 31; i++) {
            c.searchPullRequests(
                    "is:pr author:DonVo created:2026-01-01T00:00:00+00:00..2026-02-01T00:00:00+00:00", null);
        }
        assertThat(time.waits).containsExactly(Duration.ofMinutes(1));
    }

    @Test
    @DisplayName("a wait ends at once when the sync is cancelled")
    void cancelDuringWait() {
        github = FakeGitHubApi.start(new FakeGitHubData(), "", time.clock());
        var settings = new Settings.GitHub(FakeGitHubApi.TOKEN, URI.create(github.apiUrl()));
        var pacer = new SearchPacer(30, Duration.ofMinutes(1), time);
        boolean[] cancelled = {false};
        var c = new GitHubClients(settings, pacer, time, GitHubClients.Limits.defaults()).open(() -> {
            if (cancelled[0]) {
                throw new SyncCancelledException();
            }
        });
        github.secondaryLimitNext(1);
        cancelled[0] = true;
        assertThatThrownBy(c::user).isInstanceOf(SyncCancelledException.class);
    }
}
