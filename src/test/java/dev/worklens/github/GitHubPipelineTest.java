package dev.worklens.github;

import static dev.worklens.github.GitHubHarness.member;
import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.activity.WorkUnits;
import dev.worklens.demo.FakeGitHubData;
import dev.worklens.report.core.Report;
import dev.worklens.report.core.ReportBuilder;
import dev.worklens.report.core.ReportPeriod;
import dev.worklens.support.WorklensTest;
import dev.worklens.sync.SyncRange;
import dev.worklens.system.db.SqlDialect;
import dev.worklens.team.Member;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * DevLake's end-to-end shape for GitHub: the fake serves documented-shape JSON (search items,
 * GraphQL review nodes) for a small fixture, and the test follows it through each stored layer —
 * GitHub's own rows, the source-neutral work units, and the report's numbers — so a change in any
 * step shows up as the step that changed.
 */
@WorklensTest
@DisplayName("GitHub from fixture JSON to report numbers")
class GitHubPipelineTest {

    static final SyncRange RANGE = new SyncRange(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-11-30"));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SqlDialect dialect;

    @Autowired
    WorkUnits units;

    @Autowired
    ReportBuilder reports;

    GitHubHarness harness;
    final Member don = member(31, "donvo");

    static Instant t(String s) {
        return Instant.parse(s);
    }

    @AfterEach
    void tearDown() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    @DisplayName("three pull requests and a review become rows, units, and the report's counts and medians")
    void fixtureToReport() throws Exception {
        GitHubHarness.clean(jdbc);
        var data = new FakeGitHubData().user("DonVo").user("alice");
        data.pull("acme/api", "DonVo", t("2026-09-10T10:00:00Z"), null, t("2026-09-11T00:00:00Z"));
        data.pull("acme/api", "DonVo", t("2026-09-01T10:00:00Z"), t("2026-09-03T10:00:00Z"), t("2026-09-03T10:00:00Z"));
        data.pull("acme/web", "DonVo", t("2026-10-01T00:00:00Z"), t("2026-10-01T12:00:00Z"), t("2026-10-01T12:00:00Z"));
        var alices = data.pull("acme/web", "alice", t("2026-10-05T10:00:00Z"), null, t("2026-10-06T00:00:00Z"));
        data.review(alices, "DonVo", "APPROVED", t("2026-10-05T14:00:00Z"));
        harness = new GitHubHarness(data, "", jdbc, dialect, units);

        var run = new TestRun(RANGE, "overview", don);
        harness.source.run(run);
        assertThat(run.task(don).state).as(run.task(don).toString()).isEqualTo("running");

        // GitHub's own rows, as the API described them
        assertThat(harness.count("SELECT COUNT(*) FROM github_pull_requests WHERE author_key = 'donvo'"))
                .isEqualTo(3);
        assertThat(
                        harness.count(
                                "SELECT COUNT(*) FROM github_pull_requests WHERE author_key = 'donvo' AND merged_at IS NOT NULL"))
                .isEqualTo(2);
        assertThat(harness.count("SELECT COUNT(*) FROM github_reviews WHERE reviewer_key = 'donvo'"))
                .isEqualTo(1);

        // the source-neutral work units
        assertThat(harness.units(don, "pull_request")).isEqualTo(3);
        assertThat(harness.units(don, "review")).isEqualTo(1);

        // the report's numbers
        Report report = reports.build(don, new ReportPeriod(RANGE.from(), RANGE.to(), ZoneOffset.UTC));
        PullRequests prs = report.pullRequests();
        assertThat(prs.created()).hasSize(3);
        assertThat(prs.merged()).hasSize(2);
        assertThat(prs.reviewed()).hasSize(1);
        assertThat(report.cycleTimeHoursMedian()).isEqualTo(30.0); // 48 h and 12 h
        assertThat(report.reviewTurnaroundHoursMedian()).isEqualTo(4.0);
    }
}
