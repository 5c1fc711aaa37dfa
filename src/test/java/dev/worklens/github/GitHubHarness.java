package dev.worklens.github;

import dev.worklens.activity.WorkUnits;
import dev.worklens.github.client.GitHubClients;
import dev.worklens.github.client.SearchPacer;
import dev.worklens.github.fake.FakeData;
import dev.worklens.github.fake.FakeGitHub;
import dev.worklens.github.fake.FakeTime;
import dev.worklens.github.ingest.CoveredRanges;
import dev.worklens.github.ingest.GitHubRows;
import dev.worklens.github.ingest.OverviewCollector;
import dev.worklens.github.ingest.RepositoryCollector;
import dev.worklens.github.ingest.WorkUnitConversion;
import dev.worklens.system.Settings;
import dev.worklens.system.db.SqlDialect;
import dev.worklens.team.Member;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real GitHub source and client, wired by hand against a {@link FakeGitHub} and a fake clock,
 * over the test application's database.
 */
final class GitHubHarness implements AutoCloseable {

    final FakeTime time;
    final FakeGitHub github;
    final GitHubClients clients;
    final GitHubSource source;
    final JdbcTemplate jdbc;

    GitHubHarness(FakeData data, String basePath, JdbcTemplate jdbc, SqlDialect dialect, WorkUnits units) {
        this(data, basePath, jdbc, dialect, units, FakeGitHub.TOKEN);
    }

    GitHubHarness(FakeData data, String basePath, JdbcTemplate jdbc, SqlDialect dialect, WorkUnits units, String pat) {
        this.jdbc = jdbc;
        this.time = new FakeTime(Instant.parse("2026-12-01T06:00:00Z"));
        this.github = new FakeGitHub(data, basePath, time);
        var settings = new Settings.GitHub(pat, URI.create(github.apiUrl()));
        var pacer = new SearchPacer(30, Duration.ofMinutes(1), time, time);
        this.clients = new GitHubClients(settings, pacer, time, time, GitHubClients.Limits.defaults());
        var rows = new GitHubRows(jdbc, dialect, time);
        var covered = new CoveredRanges(jdbc, dialect, time);
        this.source = new GitHubSource(
                clients,
                new OverviewCollector(rows, covered),
                new RepositoryCollector(rows, covered),
                new WorkUnitConversion(jdbc, units),
                new GitHubSyncNotes(jdbc, dialect, time),
                time);
    }

    static void clean(JdbcTemplate jdbc) {
        for (String table : new String[] {
            "github_pull_requests", "github_reviews", "github_commits", "github_issues", "source_cursors", "work_units"
        }) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    static Member member(long id, String login) {
        return new Member(id, 1, "U" + id, "Member " + id, null, null, login, false);
    }

    int units(Member member, String kind) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM work_units WHERE member_id = ? AND kind = ?", Integer.class, member.id(), kind);
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Override
    public void close() {
        github.close();
    }
}
