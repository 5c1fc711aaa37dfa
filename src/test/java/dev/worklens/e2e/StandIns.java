package dev.worklens.e2e;

import dev.worklens.demo.FakeGitHubApi;
import dev.worklens.demo.FakeSlackApi;
import dev.worklens.demo.SyntheticWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The demo's stand-in Slack and GitHub serving one synthetic workspace, plus the free port the
 * application will listen on: the OAuth redirect has to name the app's address before it starts.
 */
final class StandIns implements AutoCloseable {

    final SyntheticWorkspace workspace;
    final FakeSlackApi slack;
    final FakeGitHubApi github;
    final int appPort;

    private StandIns(SyntheticWorkspace workspace) {
        this.workspace = workspace;
        this.slack = FakeSlackApi.start(workspace, Clock.systemUTC());
        this.github = FakeGitHubApi.start(workspace, Clock.systemUTC());
        this.appPort = freePort();
    }

    /** A small team: a manager and four engineers, four channels (one of them standups), 30 days. */
    static SyntheticWorkspace smallTeam() {
        return SyntheticWorkspace.generate(
                new SyntheticWorkspace.Spec(4, 4, 30, LocalDate.now(ZoneOffset.UTC), 7, 1.0));
    }

    static StandIns serving(SyntheticWorkspace workspace) {
        return new StandIns(workspace);
    }

    /** Where the browser reaches the app; Slack sends it back to {@code {this}/auth/slack/callback}. */
    String appUrl() {
        return "http://localhost:" + appPort;
    }

    void register(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> appPort);
        registry.add("APP_BASE_URL", this::appUrl);
        registry.add("BIND_ADDRESS", () -> "127.0.0.1");
        registry.add("SLACK_BASE_URL", () -> slack.baseUrl().toString());
        registry.add("SLACK_CLIENT_ID", () -> FakeSlackApi.CLIENT_ID);
        registry.add("SLACK_CLIENT_SECRET", () -> FakeSlackApi.CLIENT_SECRET);
        registry.add("GITHUB_API_URL", () -> github.baseUrl().toString());
        registry.add("GITHUB_PAT", () -> FakeGitHubApi.TOKEN);
        registry.add("ENABLE_AI_EXTRACTION", () -> "false");
    }

    /** Every stand-in call waits this long: keeps a sync visibly running while the page is watched. */
    void latency(Duration latency) {
        slack.latency(latency);
        github.latency(latency);
    }

    @Override
    public void close() {
        slack.close();
        github.close();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
