package dev.worklens.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.github.client.GitHubRecords.PullRequest;
import dev.worklens.github.client.GitHubRecords.Review;
import dev.worklens.github.ingest.GitHubRows;
import dev.worklens.system.db.SqlDialect;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The team overview's pull-request counts from the day tallies against the same counts from the
 * rows, on H2 and PostgreSQL: random pull requests and reviews written through GitHub's own
 * storage, re-synced with new states, authors and times, and periods cut in zones whose days do
 * not start at a UTC midnight (+5:30, +5:45, +14, −10, and two with daylight saving).
 */
abstract class DayTalliesContract {

    static final String[] LOGINS = {"DonVo", "donvo", "alice", "Bob", "carol-x", "dave", "erin"};
    static final String[] REPOS = {"acme/api", "acme/web", "other/lib"};
    static final String[] ZONES = {
        "UTC",
        "Asia/Kolkata",
        "Asia/Kathmandu",
        "Pacific/Kiritimati",
        "Pacific/Honolulu",
        "America/New_York",
        "Europe/Berlin"
    };
    static final Instant ORIGIN = Instant.parse("2026-09-20T00:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SqlDialect dialect;

    @Autowired
    Clock clock;

    @Autowired
    PullRequestQueries queries;

    @Autowired
    GitHubTallies tallies;

    GitHubRows rows;

    @BeforeEach
    void setUp() {
        GitHubHarness.clean(jdbc);
        rows = new GitHubRows(jdbc, dialect, clock);
    }

    static Instant at(Random random, int days) {
        return ORIGIN.plusSeconds((long) (random.nextDouble() * days * 86_400L));
    }

    static PullRequest pull(String repo, int number, String author, Instant created, Instant merged) {
        return new PullRequest(
                repo,
                number,
                "PR " + number,
                "https://github.com/" + repo + "/pull/" + number,
                author,
                merged != null ? "merged" : "open",
                false,
                created,
                merged,
                merged,
                merged != null ? merged : created);
    }

    static Review review(String repo, int number, long id, String reviewer, Instant at) {
        return new Review(
                repo + "#" + number + ":" + id,
                repo,
                number,
                id,
                reviewer,
                "COMMENTED",
                at,
                "https://github.com/" + repo + "/pull/" + number + "#pullrequestreview-" + id);
    }

    void assertSameCountsAsTheRows(Random random, int periods) {
        List<String> logins = List.of(LOGINS);
        for (int i = 0; i < periods; i++) {
            ZoneId zone = ZoneId.of(ZONES[random.nextInt(ZONES.length)]);
            LocalDate from = LocalDate.parse("2026-09-18").plusDays(random.nextInt(50));
            LocalDate to = from.plusDays(random.nextInt(i % 3 == 0 ? 3 : 45));
            Instant start = from.atStartOfDay(zone).toInstant();
            Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
            Map<String, PullRequestQueries.Counts> expected = queries.countsFromRows(logins, start, end);
            assertThat(queries.counts(logins, start, end))
                    .as("%s … %s in %s", from, to, zone)
                    .isEqualTo(expected);
        }
    }

    List<Map<String, Object>> talliesAsStored() {
        var result = new ArrayList<Map<String, Object>>();
        result.addAll(jdbc.queryForList("SELECT login_key, utc_day, created, merged FROM github_pull_request_days"
                + " ORDER BY login_key, utc_day"));
        result.addAll(jdbc.queryForList("SELECT login_key, utc_day, prev_utc_day, pulls FROM github_review_days"
                + " ORDER BY login_key, utc_day, prev_utc_day"));
        return result;
    }

    @Test
    @DisplayName("random pull requests and reviews, re-synced with changes: the tallies count what the rows count,"
            + " in every zone")
    void randomData() {
        for (long seed = 1; seed <= 3; seed++) {
            GitHubHarness.clean(jdbc);
            Random random = new Random(seed);
            List<PullRequest> pulls = new ArrayList<>();
            for (int n = 1; n <= 120; n++) {
                Instant created = at(random, 45);
                Instant merged = random.nextInt(10) < 6 ? created.plusSeconds(random.nextInt(5 * 86_400)) : null;
                pulls.add(pull(
                        REPOS[random.nextInt(REPOS.length)],
                        n,
                        LOGINS[random.nextInt(LOGINS.length)],
                        created,
                        merged));
            }
            List<Review> reviews = new ArrayList<>();
            for (long id = 1; id <= 400; id++) {
                // numbers up to 140: some reviews are of pull requests that are not stored
                int number = 1 + random.nextInt(140);
                String repo = number <= pulls.size() ? pulls.get(number - 1).repo() : REPOS[0];
                // a few reviews per pull request and reviewer, on the same or other days
                reviews.add(review(repo, number, id, LOGINS[random.nextInt(LOGINS.length)], at(random, 50)));
            }
            // stored in pages, reviews before some of their pull requests, as syncs do
            rows.reviews(reviews.subList(0, 200));
            rows.pullRequests(pulls.subList(0, 60));
            rows.reviews(reviews.subList(200, 400));
            rows.pullRequests(pulls.subList(60, 120));
            assertSameCountsAsTheRows(random, 60);

            // a re-sync: open pull requests merge, one changes author, reviews move and change reviewer
            List<PullRequest> again = new ArrayList<>();
            for (PullRequest p : pulls) {
                int change = random.nextInt(6);
                if (change == 0 && p.mergedAt() == null) {
                    again.add(pull(
                            p.repo(),
                            p.number(),
                            p.authorLogin(),
                            p.createdAt(),
                            p.createdAt().plusSeconds(90_000)));
                } else if (change == 1) {
                    again.add(pull(
                            p.repo(), p.number(), LOGINS[random.nextInt(LOGINS.length)], p.createdAt(), p.mergedAt()));
                } else {
                    again.add(p);
                }
            }
            List<Review> reviewsAgain = new ArrayList<>();
            for (Review r : reviews) {
                int change = random.nextInt(8);
                reviewsAgain.add(
                        change == 0
                                ? review(r.repo(), r.prNumber(), r.reviewId(), r.reviewerLogin(), at(random, 50))
                                : change == 1
                                        ? review(
                                                r.repo(),
                                                r.prNumber(),
                                                r.reviewId(),
                                                LOGINS[random.nextInt(LOGINS.length)],
                                                r.submittedAt())
                                        : r);
            }
            rows.pullRequests(again);
            rows.reviews(reviewsAgain);
            assertSameCountsAsTheRows(random, 60);

            // what the writes kept is what a recount from scratch gives
            var kept = talliesAsStored();
            tallies.refreshAll();
            assertThat(talliesAsStored()).isEqualTo(kept);
        }
    }

    @Test
    @DisplayName("rows stored around the module count once their tallies are refreshed, as after a bulk load")
    void bulkLoad() {
        jdbc.update("INSERT INTO github_pull_requests (repo, number, title, url, author_login, author_key, state,"
                + " created_at, merged_at, stored_at) VALUES ('acme/api', 1, 'A', 'u', 'Ana', 'ana', 'merged',"
                + " TIMESTAMP WITH TIME ZONE '2026-10-01 10:00:00+00', TIMESTAMP WITH TIME ZONE '2026-10-02 10:00:00+00',"
                + " TIMESTAMP WITH TIME ZONE '2026-10-02 10:00:00+00')");
        jdbc.update(
                "INSERT INTO github_reviews (review_key, repo, pr_number, reviewer_login, reviewer_key, state,"
                        + " submitted_at, stored_at) VALUES ('acme/api#1:1', 'acme/api', 1, 'Bob', 'bob', 'APPROVED',"
                        + " TIMESTAMP WITH TIME ZONE '2026-10-01 23:30:00+00', TIMESTAMP WITH TIME ZONE '2026-10-02 10:00:00+00')");
        Instant start = Instant.parse("2026-09-01T00:00:00Z");
        Instant end = Instant.parse("2026-11-01T00:00:00Z");
        assertThat(queries.counts(List.of("Ana", "Bob"), start, end)).isEmpty();

        assertThat(tallies.refreshAll()).isEqualTo(2);
        assertThat(queries.counts(List.of("Ana", "Bob"), start, end))
                .isEqualTo(Map.of(
                        "Ana", new PullRequestQueries.Counts(1, 1, 0),
                        "Bob", new PullRequestQueries.Counts(0, 0, 1)));
        // Kolkata's 2 October starts at 1 October 18:30 UTC: Bob's review is on its first, partial day
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        Instant kStart = LocalDate.parse("2026-10-02").atStartOfDay(kolkata).toInstant();
        Instant kEnd = LocalDate.parse("2026-10-05").atStartOfDay(kolkata).toInstant();
        assertThat(queries.counts(List.of("Ana", "Bob"), kStart, kEnd))
                .isEqualTo(Map.of(
                        "Ana", new PullRequestQueries.Counts(0, 1, 0),
                        "Bob", new PullRequestQueries.Counts(0, 0, 1)));
    }
}
