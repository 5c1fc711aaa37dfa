package dev.worklens.github;

import static dev.worklens.github.GitHubHarness.member;
import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.activity.WorkUnits;
import dev.worklens.demo.FakeGitHubData;
import dev.worklens.support.WorklensTest;
import dev.worklens.sync.SyncRange;
import dev.worklens.system.db.SqlDialect;
import dev.worklens.team.Member;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@WorklensTest
@DisplayName("GitHub per-repository sync")
class RepositorySyncTest {

    static final SyncRange RANGE = new SyncRange(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-11-30"));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SqlDialect dialect;

    @Autowired
    WorkUnits units;

    GitHubHarness harness;
    FakeGitHubData data;
    final Member don = member(7, "DONVO");
    final Member alice = member(8, "alice");

    static Instant t(String s) {
        return Instant.parse(s);
    }

    @BeforeEach
    void setUp() {
        GitHubHarness.clean(jdbc);
        data = new FakeGitHubData().user("DonVo").user("alice");
        for (String repo : new String[] {"acme/api", "acme/web", "acme/docs", "acme/infra", "acme/mobile"}) {
            data.repo(repo);
        }
        data.commit("acme/api", "DonVo", t("2026-09-01T00:00:00Z"));
        data.commit("acme/api", "donvo", t("2026-10-01T00:00:00Z"));
        data.commit("acme/web", "DonVo", t("2026-11-30T23:59:59Z"));
        data.commit("acme/api", "DonVo", t("2026-08-31T23:59:59Z")); // before the range
        data.commit("acme/api", "DonVo", t("2026-12-01T00:00:00Z")); // after it
        data.commit("acme/api", null, t("2026-10-02T00:00:00Z")); // e-mail linked to no account
        data.commit("acme/web", null, t("2026-10-03T00:00:00Z"));
        data.commit("acme/web", "alice", t("2026-10-04T00:00:00Z"));
        var mine = data.pull(
                "acme/api", "DonVo", t("2026-09-10T00:00:00Z"), t("2026-09-12T00:00:00Z"), t("2026-09-12T00:00:00Z"));
        data.pull("acme/api", "DonVo", t("2026-06-10T00:00:00Z"), null, t("2026-06-12T00:00:00Z")); // idle since June
        var hers = data.pull("acme/web", "alice", t("2026-05-01T00:00:00Z"), null, t("2026-12-20T00:00:00Z"));
        data.review(hers, "DonVo", "APPROVED", t("2026-10-05T00:00:00Z"));
        data.review(hers, "DonVo", "COMMENTED", t("2026-12-19T00:00:00Z")); // after the range
        data.review(mine, "alice", "APPROVED", t("2026-09-11T00:00:00Z"));
        data.review(mine, "DonVo", "COMMENTED", t("2026-09-11T01:00:00Z")); // on his own pull request
        data.issue("acme/docs", "DonVo", t("2026-10-10T00:00:00Z"));
        data.issue("acme/docs", "DonVo", t("2026-08-10T00:00:00Z")); // created before the range
        harness = new GitHubHarness(data, "", jdbc, dialect, units);
        harness.github.pageSize = 2; // every list spans several pages
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    @DisplayName("commits, pull requests, reviews and issues in range, both ends respected, unlinked commits counted")
    void perRepository() throws Exception {
        var run = new TestRun(RANGE, "repos", don, alice);
        harness.source.run(run);

        assertThat(run.tasks)
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.state).as(t.toString()).isEqualTo("running"));
        assertThat(harness.units(don, "commit")).isEqualTo(3);
        assertThat(harness.units(alice, "commit")).isEqualTo(1);
        assertThat(harness.units(don, "pull_request")).isEqualTo(1);
        assertThat(harness.units(don, "review")).isEqualTo(1);
        assertThat(harness.units(alice, "review")).isEqualTo(1);
        assertThat(harness.units(don, "issue")).isEqualTo(1);
        assertThat(harness.count("SELECT COUNT(*) FROM github_issues")).isEqualTo(1);
        assertThat(harness.count("SELECT COUNT(*) FROM github_commits WHERE author_key IS NULL"))
                .isZero();
        assertThat(new GitHubSyncNotes(jdbc, dialect, harness.time.clock()).last(TestRun.OPERATOR.id()))
                .containsEntry("unlinked", 2L)
                .containsEntry("repositories", 3L); // api, web, docs: nobody was active in infra or mobile
        // each list is read once for the whole team (commits once per repository); the token's
        // repository list is not read: the repositories come from the members' activity
        assertThat(harness.github.count(r -> r.startsWith("GET /user/repos"))).isZero();
        assertThat(harness.github.count(
                        r -> r.startsWith("GET /repos/acme/api/commits") && !r.matches(".*[?&]page=.*")))
                .isEqualTo(1);
        assertThat(harness.github.count(
                        r -> r.startsWith("GET /repos/acme/infra/") || r.startsWith("GET /repos/acme/mobile/")))
                .isZero();
        assertThat(run.task(don).done).isEqualTo(run.task(don).total);
    }

    @Test
    @DisplayName("reads only repositories where a member was active in the range, wherever they are, and a pull"
            + " request opened before the range and merged in it")
    void activeRepositoriesOnly() throws Exception {
        for (int i = 0; i < 40; i++) {
            data.repo("acme/idle-" + i);
        }
        // idle in the range: activity before and after it only
        data.commit("acme/idle-1", "DonVo", t("2026-08-01T00:00:00Z"));
        data.commit("acme/idle-2", "alice", t("2026-12-02T00:00:00Z"));
        // a public repository outside the organisation, where Don's pull request from July was merged in range
        data.pull(
                "someone/oss-lib",
                "DonVo",
                t("2026-07-01T00:00:00Z"),
                t("2026-11-29T10:00:00Z"),
                t("2026-11-29T10:00:00Z"));

        var run = new TestRun(RANGE, "repos", don, alice);
        harness.source.run(run);

        assertThat(run.tasks)
                .allSatisfy(t -> assertThat(t.state).as(t.toString()).isEqualTo("running"));
        assertThat(harness.github.count(r -> r.contains("/repos/acme/idle-"))).isZero();
        assertThat(harness.github.count(r -> r.startsWith("GET /user/repos"))).isZero();
        assertThat(harness.github.count(r -> r.startsWith("GET /repos/someone/oss-lib/pulls?")))
                .isEqualTo(1);
        assertThat(
                        harness.count(
                                "SELECT COUNT(*) FROM github_pull_requests WHERE repo = 'someone/oss-lib' AND merged_at IS NOT NULL"))
                .isEqualTo(1);
        assertThat(harness.units(don, "pull_request")).isEqualTo(2);
        // discovery: one contribution-graph call and one merged search per member
        assertThat(harness.github.count(r -> r.contains("/graphql"))).isEqualTo(2);
        assertThat(harness.github.count(r -> r.contains("/search/issues"))).isEqualTo(2);
        assertThat(run.task(alice).done).isEqualTo(run.task(alice).total);
    }

    @Test
    @DisplayName("a login GitHub does not know fails that member only; the others' repositories are read")
    void unknownLogin() throws Exception {
        Member ghost = member(9, "no-such-user");
        var run = new TestRun(RANGE, "repos", ghost, don);
        harness.source.run(run);
        assertThat(run.task(ghost).state).isEqualTo("failed");
        assertThat(run.task(ghost).reason).contains("'no-such-user' does not exist");
        assertThat(run.task(don).state).isEqualTo("running");
        assertThat(harness.units(don, "commit")).isEqualTo(3);
    }

    @Test
    @DisplayName("an organisation enforcing SAML fails the tasks naming it; other repositories are still stored")
    void saml() throws Exception {
        data.commit("locked/secret", "DonVo", t("2026-10-20T00:00:00Z"));
        harness.github.samlOrg = "locked";
        var run = new TestRun(RANGE, "repos", don);
        harness.source.run(run);
        assertThat(run.task(don).state).isEqualTo("failed");
        assertThat(run.task(don).reason)
                .contains("locked/secret")
                .contains("authorise the token for locked")
                .contains("SAML");
        assertThat(harness.units(don, "commit")).isEqualTo(3);
    }
}
