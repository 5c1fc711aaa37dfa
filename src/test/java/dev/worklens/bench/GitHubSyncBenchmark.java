package dev.worklens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.activity.WorkUnits;
import dev.worklens.demo.FakeGitHubApi;
import dev.worklens.demo.FakeGitHubData;
import dev.worklens.github.GitHubHarness;
import dev.worklens.github.TestRun;
import dev.worklens.support.WorklensTest;
import dev.worklens.sync.SyncRange;
import dev.worklens.system.db.SqlDialect;
import dev.worklens.team.Member;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Overview-mode call cost against the ideal, zero loss past the search cap, wall time under a
 * (scaled-down) search budget, and per-repository mode reading each list once. Prints each
 * figure next to its target; fails when a target is missed.
 */
@Tag("benchmark")
@WorklensTest
@DisplayName("GitHub sync benchmark")
class GitHubSyncBenchmark {

    static final SyncRange RANGE = new SyncRange(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-11-30"));
    static final Instant FROM = RANGE.start();
    static final Instant TO = RANGE.endExclusive();
    /** Five members of varied size, then 40 small ones so the timed run makes enough searches to measure. */
    static final int SMALL = 40;

    static final String[] LOGINS = logins("Bulk", "ana", "Ben", "cleo", "dev-ops");
    static final int[] PULLS = sizes(new int[] {2500, 60, 180, 340, 95}, 20);
    static final int[] REVIEWS = sizes(new int[] {1200, 40, 260, 120, 15}, 5);

    static String[] logins(String... named) {
        String[] all = java.util.Arrays.copyOf(named, named.length + SMALL);
        for (int i = 0; i < SMALL; i++) {
            all[named.length + i] = "Small-" + i;
        }
        return all;
    }

    static int[] sizes(int[] named, int small) {
        int[] all = java.util.Arrays.copyOf(named, named.length + SMALL);
        java.util.Arrays.fill(all, named.length, all.length, small);
        return all;
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SqlDialect dialect;

    @Autowired
    WorkUnits units;

    static FakeGitHubData world() {
        var random = new Random(2026);
        var data = new FakeGitHubData().user("outsider");
        long span = Duration.between(FROM, TO).toSeconds();
        List<FakeGitHubData.Pull> others = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Instant created = FROM.minusSeconds(30L * 86_400).plusSeconds(random.nextLong(span));
            others.add(data.pull("acme/r" + (i % 9), "outsider", created, null, TO.plusSeconds(86_400)));
        }
        for (int m = 0; m < LOGINS.length; m++) {
            data.user(LOGINS[m]);
            for (int i = 0; i < PULLS[m]; i++) {
                // a tenth start before the range (some merged in it), the rest inside, skewed to its start
                double x = random.nextDouble();
                Instant created = i % 10 == 0
                        ? FROM.minusSeconds(1 + random.nextLong(20L * 86_400))
                        : FROM.plusSeconds((long) (x * x * span));
                Instant merged = random.nextInt(3) > 0 ? created.plusSeconds(random.nextLong(6L * 86_400)) : null;
                data.pull(
                        "acme/r" + random.nextInt(9),
                        LOGINS[m].toLowerCase(),
                        created,
                        merged,
                        created.plusSeconds(9L * 86_400));
            }
            for (int i = 0; i < REVIEWS[m]; i++) {
                var pull = others.get(random.nextInt(others.size()));
                data.review(pull, LOGINS[m].toUpperCase(), "APPROVED", FROM.plusSeconds(random.nextLong(span)));
            }
        }
        return data;
    }

    static List<Member> members() {
        List<Member> members = new ArrayList<>();
        for (int m = 0; m < LOGINS.length; m++) {
            members.add(GitHubHarness.member(100 + m, LOGINS[m]));
        }
        return members;
    }

    static boolean in(Instant t) {
        return t != null && !t.isBefore(FROM) && t.isBefore(TO);
    }

    @Test
    @DisplayName(
            "overview: calls vs ideal, nothing lost past the cap, wall time vs the search floor; repos: lists once")
    void benchmark() throws Exception {
        FakeGitHubData data = world();
        List<Member> members = members();

        // 1. call cost and completeness, on a fake clock
        GitHubHarness.clean(jdbc);
        long idealSearchPages = 0;
        long idealGraphPages = 0;
        long restAlternativeForReviews = 0;
        try (var harness = new GitHubHarness(data, "", jdbc, dialect, units)) {
            var run = new TestRun(RANGE, "overview", members.toArray(Member[]::new));
            harness.source.run(run);
            assertThat(run.tasks)
                    .hasSize(members.size())
                    .allSatisfy(t -> assertThat(t.state).as(t.toString()).isEqualTo("running"));
            for (int m = 0; m < LOGINS.length; m++) {
                String login = LOGINS[m];
                var created = data.pulls.stream()
                        .filter(p -> p.author().equalsIgnoreCase(login) && in(p.createdAt()))
                        .toList();
                var merged = data.pulls.stream()
                        .filter(p -> p.author().equalsIgnoreCase(login) && in(p.mergedAt()))
                        .toList();
                var reviews = data.reviews.stream()
                        .filter(r -> r.reviewer().equalsIgnoreCase(login) && in(r.submittedAt()))
                        .toList();
                Set<String> prs = new HashSet<>();
                created.forEach(p -> prs.add(p.repo() + "#" + p.number()));
                merged.forEach(p -> prs.add(p.repo() + "#" + p.number()));
                Set<String> reviewed = new HashSet<>();
                reviews.forEach(r -> reviewed.add(r.repo() + "#" + r.number()));
                idealSearchPages += pages(created.size()) + pages(merged.size());
                idealGraphPages += pages(reviews.size());
                // the REST way: reviewed-by search pages, then one reviews call per pull request
                restAlternativeForReviews += pages(reviewed.size()) + reviewed.size();

                Member member = members.get(m);
                int storedPulls = harness.units(member, "pull_request");
                int storedReviews = harness.units(member, "review");
                int storedReviewed = harness.count(
                        "SELECT COUNT(DISTINCT repo || '#' || pr_number) FROM github_reviews WHERE reviewer_key = ?"
                                + " AND submitted_at >= ? AND submitted_at < ?",
                        login.toLowerCase(),
                        dev.worklens.system.db.Rows.utc(FROM),
                        dev.worklens.system.db.Rows.utc(TO));
                if (m >= 5) {
                    assertThat(storedPulls).isEqualTo(prs.size());
                    assertThat(storedReviews).isEqualTo(reviews.size());
                    continue; // the 40 small members are checked, not printed
                }
                System.out.printf(
                        "member %-8s created %4d merged %4d distinct PRs %4d -> stored %4d (lost %d); reviews %4d -> stored %4d (lost %d); reviewed PRs %4d -> %4d%n",
                        login,
                        created.size(),
                        merged.size(),
                        prs.size(),
                        storedPulls,
                        prs.size() - storedPulls,
                        reviews.size(),
                        storedReviews,
                        reviews.size() - storedReviews,
                        reviewed.size(),
                        storedReviewed);
                assertThat(storedPulls).isEqualTo(prs.size());
                assertThat(storedReviews).isEqualTo(reviews.size());
                assertThat(storedReviewed).isEqualTo(reviewed.size());
            }
            long searches = harness.github.count(r -> r.contains("/search/issues"));
            long graph = harness.github.count(r -> r.contains("/graphql"));
            long perPull = harness.github.count(r -> r.contains("/pulls/"));
            long probes = harness.github.overCap.get() + harness.github.graphqlOverCap.get();
            long ideal = idealSearchPages + idealGraphPages + probes;
            double ratio = (double) (searches + graph) / ideal;
            System.out.printf(
                    "overview calls: %d search + %d GraphQL = %d; per-pull-request calls: %d (target 0)%n",
                    searches, graph, searches + graph, perPull);
            System.out.printf(
                    "ideal: sum of ceil(n/100) per query = %d search + %d GraphQL, plus %d split probes = %d%n",
                    idealSearchPages, idealGraphPages, probes, ideal);
            System.out.printf("ratio calls / ideal: %.3f (target <= 1.05)%n", ratio);
            System.out.printf(
                    "reviews via GraphQL contributions: %d calls; via REST (reviewed-by search + reviews per PR): %d calls%n",
                    graph, restAlternativeForReviews);
            assertThat(perPull).isZero();
            assertThat(ratio).isLessThanOrEqualTo(1.05);
        }

        // 2. wall time under a search budget scaled down to 30 calls per 6 s, enforced by the fake too
        GitHubHarness.clean(jdbc);
        var budget = new FakeGitHubApi.SearchLimit(30, Duration.ofSeconds(6));
        try (var harness = new GitHubHarness(data, "", jdbc, dialect, units, FakeGitHubApi.TOKEN, budget)) {
            var run = new TestRun(RANGE, "overview", members.toArray(Member[]::new));
            long start = System.nanoTime();
            harness.source.run(run);
            double wall = (System.nanoTime() - start) / 1e9;
            long searches = harness.github.count(r -> r.contains("/search/issues"));
            double floor = searches * 6.0 / 30;
            double slidingFloor = (Math.ceil(searches / 30.0) - 1) * 6;
            long refused = harness.github.refusedSearches();
            System.out.printf(
                    "wall time %.1f s for %d searches at 30 per 6 s; floor calls/rate %.1f s -> ratio %.3f (target <= 1.15)%n",
                    wall, searches, floor, wall / floor);
            System.out.printf(
                    "strict sliding-window floor (first 30 free) %.1f s -> ratio %.3f; secondary-limit refusals seen: %d%n",
                    slidingFloor, wall / slidingFloor, refused);
            assertThat(run.tasks)
                    .isNotEmpty()
                    .allSatisfy(t -> assertThat(t.state).isEqualTo("running"));
            assertThat(wall / floor).isLessThanOrEqualTo(1.15);
        }

        // 3. per-repository mode reads every list once for the whole team
        GitHubHarness.clean(jdbc);
        try (var harness = new GitHubHarness(data, "", jdbc, dialect, units)) {
            var run = new TestRun(RANGE, "repos", members.toArray(Member[]::new));
            harness.source.run(run);
            long repoLists = harness.github.count(r -> r.startsWith("GET /user/repos") && !r.matches(".*[?&]page=.*"));
            long commitLists = harness.github.count(
                    r -> r.matches("GET /repos/[^/]+/[^/]+/commits\\?.*") && !r.matches(".*[?&]page=.*"));
            long pullLists = harness.github.count(
                    r -> r.matches("GET /repos/[^/]+/[^/]+/pulls\\?.*") && !r.matches(".*[?&]page=.*"));
            int repos = data.repos.size();
            System.out.printf(
                    "per-repository mode, %d members, %d repositories: repository list read %d time(s) (target 0: active repositories are found per member), commit lists %d, pull lists %d (target %d each)%n",
                    members.size(), repos, repoLists, commitLists, pullLists, repos);
            // the repositories are those members were active in (all nine here), not the token's list
            assertThat(repoLists).isZero();
            assertThat(commitLists).isEqualTo(repos);
            assertThat(pullLists).isEqualTo(repos);
        }
    }

    static long pages(int n) {
        return Math.max(1, (n + 99) / 100);
    }
}
