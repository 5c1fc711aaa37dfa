package dev.worklens.github;

import dev.worklens.activity.WorkUnits;
import dev.worklens.demo.FakeGitHubApi;
import dev.worklens.demo.FakeGitHubData;
import dev.worklens.github.client.GitHubClients;
import dev.worklens.github.client.SearchPacer;
import dev.worklens.github.ingest.CoveredRanges;
import dev.worklens.github.ingest.GitHubRows;
import dev.worklens.github.ingest.OverviewCollector;
import dev.worklens.github.ingest.RepositoryCollector;
import dev.worklens.github.ingest.WorkUnitConversion;
import dev.worklens.sync.Source;
import dev.worklens.system.Settings;
import dev.worklens.system.db.SqlDialect;
import dev.worklens.system.retry.RetryClock;
import dev.worklens.system.retry.VirtualTime;
import dev.worklens.team.Member;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real GitHub source and client, wired by hand against a {@link FakeGitHubApi} and a fake clock,
 * over the test application's database.
 */
public final class GitHubHarness implements AutoCloseable {

    public final VirtualTime time;
    public final FakeGitHubApi github;
    public final GitHubClients clients;
    public final Source source;
    final JdbcTemplate jdbc;

    public GitHubHarness(FakeGitHubData data, String basePath, JdbcTemplate jdbc, SqlDialect dialect, WorkUnits units) {
        this(data, basePath, jdbc, dialect, units, FakeGitHubApi.TOKEN);
    }

    GitHubHarness(
            FakeGitHubData data, String basePath, JdbcTemplate jdbc, SqlDialect dialect, WorkUnits units, String pat) {
        this(data, basePath, jdbc, dialect, units, pat, null);
    }

    /**
     * With {@code realSearchBudget} set, waits really sleep and searches are paced in real time to
     * that many calls per window, and the fake enforces the same budget (the benchmark's scaled rate).
     */
    public GitHubHarness(
            FakeGitHubData data,
            String basePath,
            JdbcTemplate jdbc,
            SqlDialect dialect,
            WorkUnits units,
            String pat,
            FakeGitHubApi.SearchLimit realSearchBudget) {
        this.jdbc = jdbc;
        this.time = new VirtualTime(Instant.parse("2026-12-01T06:00:00Z"));
        Clock clock = realSearchBudget == null ? time.clock() : Clock.systemUTC();
        RetryClock retryClock = realSearchBudget == null ? time : RetryClock.system();
        this.github = FakeGitHubApi.start(data, basePath, clock);
        var settings = new Settings.GitHub(pat, URI.create(github.apiUrl()));
        var pacer = realSearchBudget == null
                ? new SearchPacer(30, Duration.ofMinutes(1), time)
                : new SearchPacer(realSearchBudget.limit(), realSearchBudget.window(), retryClock);
        if (realSearchBudget != null) {
            github.searchLimit(realSearchBudget);
        }
        this.clients = new GitHubClients(settings, pacer, retryClock, GitHubClients.Limits.defaults());
        var rows = new GitHubRows(jdbc, dialect, time.clock());
        var covered = new CoveredRanges(jdbc, dialect, time.clock());
        this.source = new GitHubSource(
                clients,
                new OverviewCollector(rows, covered),
                new RepositoryCollector(rows, covered),
                new WorkUnitConversion(jdbc, units),
                new GitHubSyncNotes(jdbc, dialect, time.clock()),
                clock);
    }

    public static void clean(JdbcTemplate jdbc) {
        for (String table : new String[] {
            "github_pull_requests",
            "github_reviews",
            "github_commits",
            "github_issues",
            "github_pull_request_days",
            "github_review_days",
            "source_cursors",
            "work_units"
        }) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    public static Member member(long id, String login) {
        return new Member(id, 1, "U" + id, "Member " + id, null, null, login, false);
    }

    public int units(Member member, String kind) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM work_units WHERE member_id = ? AND kind = ?", Integer.class, member.id(), kind);
    }

    public int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Override
    public void close() {
        github.close();
    }
}
