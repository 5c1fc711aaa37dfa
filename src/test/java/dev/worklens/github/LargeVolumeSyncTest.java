package dev.worklens.github;

import static dev.worklens.github.GitHubHarness.member;
import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.activity.WorkUnits;
import dev.worklens.demo.FakeGitHubData;
import dev.worklens.support.WorklensTest;
import dev.worklens.sync.SyncRange;
import dev.worklens.system.db.SqlDialect;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@WorklensTest
@DisplayName("GitHub overview sync past the 1,000-result search cap")
class LargeVolumeSyncTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SqlDialect dialect;

    @Autowired
    WorkUnits units;

    @Test
    @DisplayName("a member with 2,350 pull requests in range gets every one, none twice, by splitting the dates")
    void splitsTheRange() throws Exception {
        GitHubHarness.clean(jdbc);
        var data = new FakeGitHubData().user("bulk").user("alice");
        Instant start = Instant.parse("2026-09-01T00:00:00Z");
        int n = 2350;
        long span = Duration.ofDays(91).toSeconds();
        for (int i = 0; i < n; i++) {
            // uneven: two thirds of them in the first month, so equal slices are not enough on their own
            long offset = i < 1600 ? (long) i * (span / 3) / 1600 : span / 3 + (long) (i - 1600) * (2 * span / 3) / 750;
            Instant created = start.plusSeconds(offset);
            Instant merged = i % 2 == 0 ? created.plusSeconds(3600) : null;
            data.pull("acme/repo" + (i % 7), "bulk", created, merged, created.plusSeconds(7200));
        }
        for (int i = 0; i < 1100; i++) {
            var theirs =
                    data.pull("acme/other", "alice", start.minusSeconds(86_400), null, start.plusSeconds(i * 600L));
            data.review(theirs, "bulk", "APPROVED", start.plusSeconds(i * 600L));
        }
        try (var harness = new GitHubHarness(data, "", jdbc, dialect, units)) {
            var bulk = member(11, "Bulk");
            var run = new TestRun(
                    new SyncRange(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-11-30")), "overview", bulk);
            harness.source.run(run);

            assertThat(run.task(bulk).state).as(run.task(bulk).toString()).isEqualTo("running");
            assertThat(harness.count("SELECT COUNT(*) FROM github_pull_requests WHERE author_key = 'bulk'"))
                    .isEqualTo(n);
            assertThat(harness.units(bulk, "pull_request")).isEqualTo(n);
            assertThat(harness.count("SELECT COUNT(*) FROM github_reviews WHERE reviewer_key = 'bulk'"))
                    .isEqualTo(1100);
            assertThat(harness.units(bulk, "review")).isEqualTo(1100);
            // no page past the cap was ever asked for
            assertThat(harness.github.requests).noneMatch(r -> r.contains("page=11"));
            long searches = harness.github.count(r -> r.contains("/search/issues"));
            // created: 24 pages of results, merged: 12, plus the first pages of windows that were cut
            assertThat(searches).isBetween(36L, 46L);
            assertThat(run.task(bulk).done).isEqualTo(run.task(bulk).total);
        }
    }
}
