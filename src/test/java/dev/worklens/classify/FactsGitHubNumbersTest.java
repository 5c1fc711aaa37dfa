package dev.worklens.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.support.WorklensTest;
import dev.worklens.system.Statistics;
import dev.worklens.system.db.Rows;
import dev.worklens.team.Member;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The insights' GitHub numbers, now counted from the member's pull-request groups the report reads
 * anyway, are those the four queries the insights ran before gave (written out here as the
 * definition): over random pull requests (opened, merged, closed unmerged, the member's own
 * reviewed by them) and reviews (several per pull request, of pull requests not stored), in zones
 * whose days do not start at a UTC midnight.
 */
@WorklensTest
@DisplayName("The insights' GitHub numbers from the report's pull-request groups")
class FactsGitHubNumbersTest {

    static final String[] OTHERS = {"alice", "Bob", "carol"};
    static final String[] ZONES = {"UTC", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Kiritimati", "America/New_York"};

    @Autowired
    ActivityFactsQuery facts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    @DisplayName("created, merged, cycle-time median, open over a week, reviews and reviewed pull requests as before")
    void sameNumbers() {
        Random random = new Random(9);
        String login = "Dana-" + random.nextInt(1_000_000);
        String key = login.toLowerCase();
        String repo = "acme/facts-" + login;
        Instant origin = clock.instant().minus(Duration.ofDays(60));
        for (int n = 1; n <= 80; n++) {
            String author = random.nextInt(3) == 0 ? login : OTHERS[random.nextInt(OTHERS.length)];
            Instant created = origin.plusSeconds(random.nextLong(55L * 86_400));
            int fate = random.nextInt(3);
            Instant merged = fate == 0 ? created.plusSeconds(random.nextLong(4L * 86_400)) : null;
            Instant closed = fate == 1 ? created.plusSeconds(random.nextLong(4L * 86_400)) : merged;
            jdbc.sql("INSERT INTO github_pull_requests (repo, number, title, url, author_login, author_key, state,"
                            + " created_at, merged_at, closed_at, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            repo,
                            n,
                            "PR " + n,
                            "https://github.com/" + repo + "/pull/" + n,
                            author,
                            author.toLowerCase(),
                            fate == 0 ? "merged" : fate == 1 ? "closed" : "open",
                            Rows.utc(created),
                            Rows.utc(merged),
                            Rows.utc(closed),
                            Rows.utc(clock.instant()))
                    .update();
        }
        for (int r = 1; r <= 150; r++) {
            int number = 1 + random.nextInt(95); // above 80: pull requests that are not stored
            jdbc.sql("INSERT INTO github_reviews (review_key, repo, pr_number, reviewer_login, reviewer_key, state,"
                            + " submitted_at, stored_at) VALUES (?, ?, ?, ?, ?, 'COMMENTED', ?, ?)")
                    .params(
                            repo + "#" + number + ":" + r,
                            repo,
                            number,
                            login,
                            key,
                            Rows.utc(origin.plusSeconds(random.nextLong(58L * 86_400))),
                            Rows.utc(clock.instant()))
                    .update();
        }
        Member member =
                new Member(random.nextLong(1_000_000_000L, 2_000_000_000L), 1, "U1", "Dana", null, null, login, false);

        for (int i = 0; i < 25; i++) {
            ZoneId zone = ZoneId.of(ZONES[random.nextInt(ZONES.length)]);
            LocalDate from = LocalDate.ofInstant(origin, zone).plusDays(random.nextInt(40));
            LocalDate to = from.plusDays(random.nextInt(30));
            Instant start = from.atStartOfDay(zone).toInstant();
            Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
            ActivityFacts f = facts.facts(member, from, to, zone);

            int created = jdbc.sql("SELECT COUNT(*) FROM github_pull_requests"
                            + " WHERE author_key = ? AND created_at >= ? AND created_at < ?")
                    .params(key, Rows.utc(start), Rows.utc(end))
                    .query(Integer.class)
                    .single();
            List<Double> cycle = new ArrayList<>();
            TreeSet<LocalDate> mergedDays = new TreeSet<>();
            jdbc.sql("SELECT created_at, merged_at FROM github_pull_requests"
                            + " WHERE author_key = ? AND merged_at >= ? AND merged_at < ?")
                    .params(key, Rows.utc(start), Rows.utc(end))
                    .query(rs -> {
                        Instant c = Rows.instant(rs, "created_at");
                        Instant m = Rows.instant(rs, "merged_at");
                        cycle.add(Statistics.hoursBetween(c, m));
                        mergedDays.add(m.atZone(zone).toLocalDate());
                    });
            int open = jdbc.sql("SELECT COUNT(*) FROM github_pull_requests WHERE author_key = ? AND created_at >= ?"
                            + " AND created_at < ? AND created_at < ? AND merged_at IS NULL AND closed_at IS NULL")
                    .params(
                            key,
                            Rows.utc(start),
                            Rows.utc(end),
                            Rows.utc(clock.instant().minus(Duration.ofDays(7))))
                    .query(Integer.class)
                    .single();
            List<String> reviewed = jdbc.sql("SELECT r.repo, r.pr_number FROM github_reviews r"
                            + " WHERE r.reviewer_key = ? AND r.submitted_at >= ? AND r.submitted_at < ?"
                            + " AND NOT EXISTS (SELECT 1 FROM github_pull_requests p WHERE p.repo = r.repo"
                            + " AND p.number = r.pr_number AND p.author_key = r.reviewer_key)")
                    .params(key, Rows.utc(start), Rows.utc(end))
                    .query((rs, row) -> rs.getString("repo") + "#" + rs.getInt("pr_number"))
                    .list();

            String what = from + " … " + to + " in " + zone;
            assertThat(List.of(f.prsCreated(), f.prsMerged(), f.prsOpenOverAWeek(), f.reviews(), f.prsReviewed()))
                    .as(what)
                    .containsExactly(created, cycle.size(), open, reviewed.size(), new HashSet<>(reviewed).size());
            assertThat(f.medianCycleHours()).as(what).isEqualTo(Statistics.median(cycle));
            assertThat(f.githubDays()).as(what).isEqualTo(mergedDays);
        }
    }
}
