package dev.worklens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.activity.WorkUnits;
import dev.worklens.demo.FakeGitHubData;
import dev.worklens.github.GitHubHarness;
import dev.worklens.github.TestRun;
import dev.worklens.github.ingest.CoveredRanges;
import dev.worklens.github.ingest.GitHubRows;
import dev.worklens.github.ingest.RepositoryCollector;
import dev.worklens.support.WorklensTest;
import dev.worklens.sync.SyncRange;
import dev.worklens.system.db.SqlDialect;
import dev.worklens.team.Member;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Per-repository mode on a large organisation (issue 15, item 9): GitHub calls for an organisation
 * of 500 repositories of which 20 had a member's activity in the range, against 100/20 and 500/40,
 * and against reading every repository the token lists (the mode before). Counts only: it runs on
 * the fake GitHub and a virtual clock, so load does not change a figure.
 */
@Tag("benchmark")
@WorklensTest
@DisplayName("GitHub per-repository mode on a large organisation")
class GitHubActiveRepositoriesBenchmark {

    static final SyncRange RANGE = new SyncRange(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-11-30"));
    static final Instant FROM = RANGE.start();
    static final int MEMBERS = 10;
    /** Of the active repositories, this many are public ones outside the organisation. */
    static final int OUTSIDE = 2;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SqlDialect dialect;

    @Autowired
    WorkUnits units;

    static String login(int m) {
        return "dev-" + m;
    }

    /**
     * {@code repos} repositories in {@code bigco}; in the first {@code active} of them (the last
     * {@link #OUTSIDE} of those public ones elsewhere) members commit, open and review pull requests
     * and open issues in the range; the others have only an outsider's work in the range and the
     * members' work from before it. Active repository i has the same data whatever the sizes.
     */
    static FakeGitHubData world(int repos, int active) {
        var data = new FakeGitHubData().user("outsider");
        for (int m = 0; m < MEMBERS; m++) {
            data.user(login(m));
        }
        for (int i = 0; i < repos; i++) {
            boolean isActive = i < active;
            String repo = isActive && i >= active - OUTSIDE ? "oss-" + i + "/lib" : "bigco/repo-" + i;
            data.repo(repo);
            Instant day = FROM.plusSeconds(86_400L * (1 + i % 80));
            if (isActive) {
                String a = login(i % MEMBERS);
                String b = login((i + 1) % MEMBERS);
                data.commit(repo, a, day);
                data.commit(repo, b, day.plusSeconds(3_600));
                var pull = data.pull(repo, a, day, day.plusSeconds(86_400), day.plusSeconds(86_400));
                data.review(pull, b, "APPROVED", day.plusSeconds(7_200));
                data.issue(repo, b, day.plusSeconds(10_800));
            } else {
                data.commit(repo, "outsider", day);
                data.pull(repo, "outsider", day, null, day.plusSeconds(3_600));
                data.commit(repo, login(i % MEMBERS), FROM.minusSeconds(86_400L * (10 + i % 30)));
            }
        }
        return data;
    }

    static List<Member> members() {
        List<Member> members = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            members.add(GitHubHarness.member(200 + m, login(m)));
        }
        return members;
    }

    record Calls(long graphql, long search, long repoList, long perRepository, long reposRead) {
        long total() {
            return graphql + search + repoList + perRepository;
        }
    }

    Calls activeOnly(int repos, int active) throws Exception {
        GitHubHarness.clean(jdbc);
        try (var harness = new GitHubHarness(world(repos, active), "", jdbc, dialect, units)) {
            var run = new TestRun(RANGE, "repos", members().toArray(Member[]::new));
            harness.source.run(run);
            assertThat(run.tasks)
                    .allSatisfy(t -> assertThat(t.state).as(t.toString()).isEqualTo("running"));
            // every member's commits, pull request, review and issue of the range were stored
            assertThat(harness.count("SELECT COUNT(*) FROM work_units WHERE kind = 'commit'"))
                    .isEqualTo(2 * active);
            assertThat(harness.count("SELECT COUNT(*) FROM work_units WHERE kind = 'review'"))
                    .isEqualTo(active);
            assertThat(harness.count("SELECT COUNT(*) FROM work_units WHERE kind = 'issue'"))
                    .isEqualTo(active);
            return calls(harness);
        }
    }

    /** The mode before: list every repository the token sees and read each one. */
    Calls everyRepository(int repos, int active) throws Exception {
        GitHubHarness.clean(jdbc);
        try (var harness = new GitHubHarness(world(repos, active), "", jdbc, dialect, units)) {
            var collector = new RepositoryCollector(
                    new GitHubRows(jdbc, dialect, harness.time.clock()),
                    new CoveredRanges(jdbc, dialect, harness.time.clock()));
            var client = harness.clients.open(() -> {});
            var names = collector.repositories(client);
            collector.collect(client, names, RANGE.start(), RANGE.endExclusive(), harness.time.now(), r -> {});
            return calls(harness);
        }
    }

    static Calls calls(GitHubHarness harness) {
        var requests = harness.github.requests;
        return new Calls(
                harness.github.count(r -> r.contains("/graphql")),
                harness.github.count(r -> r.contains("/search/issues")),
                harness.github.count(r -> r.startsWith("GET /user/repos")),
                harness.github.count(r -> r.startsWith("GET /repos/")),
                requests.stream()
                        .filter(r -> r.matches("GET /repos/[^/]+/[^/]+/commits\\?.*") && !r.matches(".*[?&]page=.*"))
                        .count());
    }

    static void print(String label, Calls c) {
        System.out.printf(
                "%-34s calls %5d = GraphQL %3d + search %3d + repository list %2d + per-repository %5d; repositories read %3d%n",
                label, c.total(), c.graphql(), c.search(), c.repoList(), c.perRepository(), c.reposRead());
    }

    @Test
    @DisplayName("calls grow with the active repositories, not with the organisation's size")
    void activeRepositories() throws Exception {
        Calls big = activeOnly(500, 20);
        Calls small = activeOnly(100, 20);
        Calls busier = activeOnly(500, 40);
        Calls before = everyRepository(500, 20);
        System.out.printf("per-repository mode, %d members, range %s..%s%n", MEMBERS, RANGE.from(), RANGE.to());
        print("500 repositories, 20 active", big);
        print("100 repositories, 20 active", small);
        print("500 repositories, 40 active", busier);
        print("500/20, every repository (before)", before);
        System.out.printf(
                "500/20 vs 100/20: %d vs %d calls (target: equal); 500/40 - 500/20: %d calls for 20 more active"
                        + " repositories; 500/20 vs every repository: %.1f%% of the calls%n",
                big.total(), small.total(), busier.total() - big.total(), 100.0 * big.total() / before.total());

        assertThat(big.reposRead()).isEqualTo(20);
        assertThat(busier.reposRead()).isEqualTo(40);
        assertThat(big.total()).isEqualTo(small.total());
        assertThat(busier.total()).isGreaterThan(big.total());
        // discovery is two calls a member here; the rest is per active repository
        assertThat(big.graphql() + big.search()).isEqualTo(2L * MEMBERS);
        assertThat(big.repoList()).isZero();
        assertThat(before.reposRead()).isEqualTo(500);
        assertThat(big.total() * 10).isLessThan(before.total());
    }
}
