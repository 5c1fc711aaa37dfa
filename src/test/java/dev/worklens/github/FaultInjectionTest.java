package dev.worklens.github;

import static dev.worklens.github.GitHubHarness.member;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.worklens.activity.WorkUnits;
import dev.worklens.demo.FakeGitHubApi;
import dev.worklens.demo.FakeGitHubData;
import dev.worklens.support.WorklensTest;
import dev.worklens.sync.SyncRange;
import dev.worklens.system.db.SqlDialect;
import dev.worklens.team.Member;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@WorklensTest
@DisplayName("GitHub sync under injected faults")
class FaultInjectionTest {

    static final SyncRange RANGE = new SyncRange(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-11-30"));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SqlDialect dialect;

    @Autowired
    WorkUnits units;

    final Member don = member(7, "DonVo");
    final Member alice = member(8, "ALICE");

    static FakeGitHubData world() {
        var random = new Random(7);
        var data = new FakeGitHubData().user("DonVo").user("alice");
        Instant start = Instant.parse("2026-08-01T00:00:00Z");
        List<FakeGitHubData.Pull> pulls = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            String author = i % 3 == 0 ? "alice" : "DonVo";
            Instant created = start.plusSeconds(random.nextInt(150 * 86_400));
            Instant merged = random.nextBoolean() ? created.plusSeconds(random.nextInt(10 * 86_400)) : null;
            pulls.add(data.pull("acme/r" + (i % 4), author, created, merged, created.plusSeconds(20 * 86_400)));
        }
        for (var p : pulls) {
            String reviewer = p.author().equals("alice") ? "DonVo" : "alice";
            data.review(p, reviewer, "APPROVED", p.createdAt().plusSeconds(random.nextInt(5 * 86_400)));
        }
        for (int i = 0; i < 300; i++) {
            String author = i % 5 == 0 ? null : i % 2 == 0 ? "DonVo" : "alice";
            data.commit("acme/r" + (i % 4), author, start.plusSeconds(random.nextInt(150 * 86_400)));
        }
        for (int i = 0; i < 40; i++) {
            data.issue(
                    "acme/r" + (i % 4),
                    i % 2 == 0 ? "DonVo" : "alice",
                    start.plusSeconds(random.nextInt(150 * 86_400)));
        }
        return data;
    }

    List<String> snapshot() {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.queryForList(
                "SELECT repo || '#' || number || ' ' || state || ' ' || author_key || ' ' || created_at || ' '"
                        + " || COALESCE(CAST(merged_at AS VARCHAR), '-') FROM github_pull_requests ORDER BY repo, number",
                String.class));
        rows.addAll(jdbc.queryForList(
                "SELECT review_key || ' ' || reviewer_key || ' ' || submitted_at FROM github_reviews ORDER BY review_key",
                String.class));
        rows.addAll(jdbc.queryForList(
                "SELECT repo || '@' || sha || ' ' || author_key FROM github_commits ORDER BY repo, sha", String.class));
        rows.addAll(jdbc.queryForList(
                "SELECT repo || '#' || number || ' ' || author_key FROM github_issues ORDER BY repo, number",
                String.class));
        rows.addAll(jdbc.queryForList(
                "SELECT member_id || ' ' || kind || ' ' || source_key || ' ' || occurred_at FROM work_units ORDER BY"
                        + " member_id, source_key",
                String.class));
        return rows;
    }

    List<String> syncBothModes(FakeGitHubApi.RandomFaults faults) throws Exception {
        GitHubHarness.clean(jdbc);
        try (var harness = new GitHubHarness(world(), "", jdbc, dialect, units)) {
            harness.github.pageSize = 20;
            harness.github.randomFaults(faults);
            for (String mode : new String[] {"overview", "repos"}) {
                var run = new TestRun(RANGE, mode, don, alice);
                harness.source.run(run);
                assertThat(run.tasks)
                        .hasSize(2)
                        .allSatisfy(t -> assertThat(t.state).as(mode + " " + t).isEqualTo("running"));
            }
        }
        return snapshot();
    }

    @Test
    @DisplayName("5% 5xx, dropped connections and 429 bursts end with exactly the rows of a clean run")
    void sameRowsAsCleanRun() throws Exception {
        List<String> clean = syncBothModes(null);
        assertThat(clean).hasSizeGreaterThan(500);
        List<String> faulty = syncBothModes(new FakeGitHubApi.RandomFaults(42, 0.05, 0.03, 40, 3));
        assertThat(faulty).containsExactlyElementsOf(clean);
    }

    @Test
    @DisplayName("the token never appears in a log line or a task's message, even when everything fails")
    void tokenNeverLogged() throws Exception {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var ours = (Logger) LoggerFactory.getLogger("dev.worklens");
        var previous = ours.getLevel();
        ours.setLevel(ch.qos.logback.classic.Level.DEBUG);
        root.addAppender(appender);
        List<String> reasons = new ArrayList<>();
        try {
            GitHubHarness.clean(jdbc);
            try (var harness = new GitHubHarness(world(), "", jdbc, dialect, units)) {
                harness.github.randomFaults(new FakeGitHubApi.RandomFaults(3, 0.3, 0.2, 5, 2));
                for (String mode : new String[] {"overview", "repos"}) {
                    var run = new TestRun(RANGE, mode, don, alice, member(9, "ghost"));
                    harness.source.run(run);
                    run.tasks.forEach(t -> reasons.add(String.valueOf(t.reason)));
                }
                harness.github.randomFaults(null);
                harness.github.everyTokenBad = true;
                var run = new TestRun(RANGE, "overview", don);
                harness.source.run(run);
                reasons.add(run.task(don).reason);
                assertThat(harness.github.authorizations).contains("Bearer " + FakeGitHubApi.TOKEN);
            }
        } finally {
            root.detachAppender(appender);
            ours.setLevel(previous);
        }
        assertThat(reasons).anyMatch(r -> r.contains("not valid"));
        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list)
                .noneMatch(e -> e.getFormattedMessage().contains(FakeGitHubApi.TOKEN)
                        || (e.getThrowableProxy() != null
                                && e.getThrowableProxy().getMessage() != null
                                && e.getThrowableProxy().getMessage().contains(FakeGitHubApi.TOKEN)));
        assertThat(reasons).noneMatch(r -> r.contains(FakeGitHubApi.TOKEN) || r.contains("FAKEtoken"));
    }
}
