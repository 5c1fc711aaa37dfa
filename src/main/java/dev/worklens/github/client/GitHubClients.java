package dev.worklens.github.client;

import dev.worklens.system.Settings;
import dev.worklens.system.retry.Cancellation;
import dev.worklens.system.retry.RetryClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a {@link GitHubClient} for one sync run (so its waits answer that run's cancel), sharing
 * one HTTP connection pool and one search budget across all of them.
 */
public class GitHubClients {

    /** Retry and timeout policy; tests shorten nothing here, their clock just does not sleep. */
    public record Limits(int maxRetries, int maxRateLimitWaits, Duration firstBackoff, Duration requestTimeout) {
        public static Limits defaults() {
            return new Limits(6, 30, Duration.ofSeconds(1), Duration.ofSeconds(30));
        }
    }

    private final Settings.GitHub settings;
    private final SearchPacer pacer;
    private final RetryClock clock;
    private final Limits limits;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong calls = new AtomicLong();

    public GitHubClients(Settings.GitHub settings, SearchPacer pacer, RetryClock clock, Limits limits) {
        this.settings = settings;
        this.pacer = pacer;
        this.clock = clock;
        this.limits = limits;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                // plain HTTP/1.1: no h2c upgrade dance with proxies and GHES front ends
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public boolean tokenConfigured() {
        return settings.tokenConfigured();
    }

    public GitHubClient open(Cancellation cancellation) {
        return open(cancellation, limits);
    }

    /** A client that gives up instead of waiting, for a page that must answer now. */
    public GitHubClient openImpatient() {
        return open(Cancellation.NONE, new Limits(1, 0, Duration.ofMillis(200), Duration.ofSeconds(5)));
    }

    private GitHubClient open(Cancellation cancellation, Limits limits) {
        if (!tokenConfigured()) {
            throw new IllegalStateException("GITHUB_PAT is not set");
        }
        var gitHubHttp = new GitHubHttp(
                http, settings.pat().strip(), settings.apiUrl(), clock, limits, json, cancellation, calls);
        return new GitHubClient(gitHubHttp, pacer, cancellation, json);
    }

    /** HTTP requests sent so far, retries included; the benchmark reads it. */
    public long calls() {
        return calls.get();
    }
}
