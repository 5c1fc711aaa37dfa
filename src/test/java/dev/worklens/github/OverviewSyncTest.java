package dev.worklens.github;

import static dev.worklens.github.GitHubHarness.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklens.activity.WorkUnits;
import dev.worklens.demo.FakeGitHubData;
import dev.worklens.github.ingest.RepositoryCollector;
import dev.worklens.support.WorklensTest;
import dev.worklens.sync.SyncCancelledException;
import dev.worklens.sync.SyncRange;
import dev.worklens.system.db.SqlDialect;
import dev.worklens.team.Member;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

@WorklensTest
@DisplayName("GitHub overview sync")
class OverviewSyncTest {

    static final SyncRange RANGE = new SyncRange(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-11-30"));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SqlDialect dialect;

    @Autowired
    WorkUnits units;

    FakeGitHubData data;
    GitHubHarness harness;
    final Member don = member(7, "donvo");

    static Instant t(String s) {
        return Instant.parse(s);
    }

    @BeforeEach
    void setUp() {
        GitHubHarness.clean(jdbc);
        data = new FakeGitHubData().user("DonVo").user("alice");
        // created in range, still open
        var a = data.pull("acme/api", "DonVo", t("2026-09-10T10:00:00Z"), null, t("2026-09-11T00:00:00Z"));
        // created before the range, merged in it
        data.pull("acme/api", "DonVo", t("2026-08-01T10:00:00Z"), t("2026-09-05T10:00:00Z"), t("2026-09-05T10:00:00Z"));
        // created and merged before the range
        data.pull("acme/api", "DonVo", t("2026-07-01T10:00:00Z"), t("2026-08-15T10:00:00Z"), t("2026-08-15T10:00:00Z"));
        // created after the range
        data.pull("acme/web", "DonVo", t("2026-12-05T10:00:00Z"), null, t("2026-12-05T10:00:00Z"));
        // alice's pull request, updated long after the range, reviewed twice by Don inside it
        var e = data.pull("acme/web", "alice", t("2026-06-01T10:00:00Z"), null, t("2026-12-10T10:00:00Z"));
        data.review(e, "DonVo", "COMMENTED", t("2026-10-01T09:00:00Z"));
        data.review(e, "DonVo", "APPROVED", t("2026-10-02T09:00:00Z"));
        // reviewed before the range only
        var f = data.pull("acme/web", "alice", t("2026-08-01T10:00:00Z"), null, t("2026-08-21T10:00:00Z"));
        data.review(f, "DonVo", "APPROVED", t("2026-08-20T09:00:00Z"));
        // a comment on his own pull request is not a review of someone else's work
        data.review(a, "DonVo", "COMMENTED", t("2026-09-12T09:00:00Z"));
        // last second of the range counts, first second after it does not; GitHub spells the login in capitals here
        var g = data.pull("acme/web", "alice", t("2026-11-01T10:00:00Z"), null, t("2026-12-01T00:00:00Z"));
        data.review(g, "DONVO", "CHANGES_REQUESTED", t("2026-11-30T23:59:59Z"));
        data.review(g, "DonVo", "APPROVED", t("2026-12-01T00:00:00Z"));
        harness = new GitHubHarness(data, "", jdbc, dialect, units);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    TestRun sync(Member... members) throws Exception {
        var run = new TestRun(RANGE, "overview", members);
        harness.source.run(run);
        return run;
    }

    @Test
    @DisplayName(
            "created and merged in range, and distinct others' pull requests reviewed in range, logins in any case")
    void semantics() throws Exception {
        var run = sync(don);
        var task = run.task(don);
        assertThat(task.state).as(task.toString()).isEqualTo("running");
        assertThat(harness.units(don, "pull_request")).isEqualTo(2);
        assertThat(harness.units(don, "review")).isEqualTo(3);
        assertThat(
                        harness.count(
                                "SELECT COUNT(DISTINCT repo || '#' || pr_number) FROM github_reviews WHERE reviewer_key = 'donvo'"))
                .isEqualTo(2);
        assertThat(harness.count(
                        "SELECT COUNT(*) FROM github_pull_requests WHERE author_key = 'donvo' AND state = 'merged'"))
                .isEqualTo(1);
        assertThat(task.done).isEqualTo(task.total).isPositive();
        assertThat(task.items).isPositive();
        // no call per pull request in overview mode
        assertThat(harness.github.count(r -> r.contains("/pulls/"))).isZero();
    }

    @Test
    @DisplayName("a second sync stores nothing twice and only asks for what changed since the first")
    void resyncIsIncremental() throws Exception {
        sync(don);
        int rows = harness.count("SELECT COUNT(*) FROM github_pull_requests");
        harness.github.requests.clear();
        harness.time.advance(Duration.ofHours(2));
        sync(don);
        assertThat(harness.count("SELECT COUNT(*) FROM github_pull_requests")).isEqualTo(rows);
        assertThat(harness.units(don, "pull_request")).isEqualTo(2);
        assertThat(harness.units(don, "review")).isEqualTo(3);
        assertThat(harness.github.requests.stream().filter(r -> r.contains("/search/issues")))
                .allMatch(r -> r.contains("updated:>="));
    }

    @Test
    @DisplayName("a member without a GitHub login is skipped with the reason; the others are synced")
    void withoutLogin() throws Exception {
        var nobody = member(8, null);
        var run = sync(nobody, don);
        assertThat(run.task(nobody).state).isEqualTo("skipped");
        assertThat(run.task(nobody).reason).contains("No GitHub login").contains("Team page");
        assertThat(harness.units(don, "pull_request")).isEqualTo(2);
    }

    @Test
    @DisplayName("an unknown login fails that member's task in words; the others are synced")
    void unknownLogin() throws Exception {
        var ghost = member(9, "no-such-user");
        var run = sync(ghost, don);
        assertThat(run.task(ghost).state).isEqualTo("failed");
        assertThat(run.task(ghost).reason).contains("GitHub login 'no-such-user' does not exist");
        assertThat(run.task(don).state).isEqualTo("running");
        assertThat(harness.units(don, "review")).isEqualTo(3);
    }

    @Test
    @DisplayName("a bad token fails every task with the same words, nothing is silently empty")
    void badToken() throws Exception {
        harness.github.everyTokenBad = true;
        var other = member(10, "alice");
        var run = sync(don, other);
        assertThat(run.tasks).hasSize(2).allSatisfy(t -> {
            assertThat(t.state).isEqualTo("failed");
            assertThat(t.reason).contains("the GitHub token is not valid");
        });
    }

    @Test
    @DisplayName("secondary limits, primary exhaustion and 5xx are waited out and retried to the same result")
    void rateLimitsAndRetries() throws Exception {
        harness.github.secondaryLimitNext(1);
        harness.github.exhaustPrimaryNext(1);
        harness.github.serverErrorsNext(2);
        sync(don);
        assertThat(harness.time.waits).contains(Duration.ofSeconds(7)).contains(Duration.ofSeconds(601));
        assertThat(harness.units(don, "pull_request")).isEqualTo(2);
        assertThat(harness.units(don, "review")).isEqualTo(3);
    }

    @Test
    @DisplayName("incomplete search results are asked again rather than stored as if complete")
    void incompleteResults() throws Exception {
        harness.github.incompleteSearchesNext(1);
        sync(don);
        assertThat(harness.units(don, "pull_request")).isEqualTo(2);
    }

    @Test
    @DisplayName("search results hidden by SAML fail the task naming the organisations, keeping what was visible")
    void samlPartialResults() throws Exception {
        harness.github.partialSearchOrganizations = "21955855,20582480";
        var run = sync(don);
        assertThat(run.task(don).state).isEqualTo("failed");
        assertThat(run.task(don).reason)
                .contains("20582480, 21955855")
                .contains("SAML")
                .contains("authorise the token");
        assertThat(harness.units(don, "pull_request")).isEqualTo(2);
    }

    @Test
    @DisplayName("a cancel during a rate-limit wait stops the run; nothing half-read is recorded as covered")
    void cancelDuringWait() {
        var run = new TestRun(RANGE, "overview", don);
        harness.github.secondaryLimitNext(1);
        harness.time.onWait = () -> run.cancel.set(true);
        assertThatThrownBy(() -> harness.source.run(run)).isInstanceOf(SyncCancelledException.class);
        assertThat(harness.count("SELECT COUNT(*) FROM source_cursors")).isZero();
    }

    @Test
    @DisplayName("the Sync page panel tells how many commits could not be attributed")
    void syncPanel(@Autowired ITemplateEngine templates) {
        var notes = new GitHubSyncNotes(jdbc, dialect, harness.time.clock());
        notes.record(TestRun.OPERATOR.id(), 42, new RepositoryCollector.Outcome(9, 120, 4, java.util.Map.of()));
        var context = new Context();
        context.setVariable("panel", notes.values(TestRun.OPERATOR));
        String html = templates.process("github/sync-panel", java.util.Set.of("panel"), context);
        assertThat(html)
                .contains("job <span>42</span>")
                .contains("<strong>4</strong> commits")
                .doesNotContain("refused");
    }

    @Nested
    @DisplayName("without a token")
    class WithoutToken {
        @Test
        @DisplayName("every task is skipped, saying GITHUB_PAT is missing")
        void skipped() throws Exception {
            try (var noToken = new GitHubHarness(data, "", jdbc, dialect, units, null)) {
                var run = new TestRun(RANGE, "overview", don);
                noToken.source.run(run);
                assertThat(run.task(don).state).isEqualTo("skipped");
                assertThat(run.task(don).reason).contains("GITHUB_PAT");
                assertThat(noToken.github.requests).isEmpty();
            }
        }
    }
}
