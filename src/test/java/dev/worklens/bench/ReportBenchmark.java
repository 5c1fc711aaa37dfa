package dev.worklens.bench;

import dev.worklens.activity.MemberUnits;
import dev.worklens.activity.OwnActivityHours;
import dev.worklens.github.GitHubTallies;
import dev.worklens.github.PullRequestQueries;
import dev.worklens.github.TeamReviews;
import dev.worklens.patterns.MemberRhythms;
import dev.worklens.patterns.Span;
import dev.worklens.patterns.TeamHealthBuilder;
import dev.worklens.report.core.ReportBuilder;
import dev.worklens.report.core.ReportPeriod;
import dev.worklens.report.core.TeamOverview;
import dev.worklens.support.PostgresInitializer;
import dev.worklens.team.Member;
import dev.worklens.team.Roster;
import java.io.StringReader;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Issue 9 figure 6: report latency on PostgreSQL holding 1,000,000 Slack message work units and
 * 100,000 pull requests (+200,000 reviews) for 200 members. {@code -Dbench.scale=0.1} runs a
 * smaller copy. Prints each figure next to its target; asserts nothing about time.
 */
@Tag("benchmark")
@SpringBootTest
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresInitializer.class)
class ReportBenchmark {

    static final int MEMBERS = 200;
    static final int TEAM = 50;
    static final String[] KINDS = {"discussion", "thread_reply", "standup", "discussion", "thread_reply"};
    static final String[] CATEGORIES = {
        "feature",
        "bug_fix",
        "architecture",
        "mentorship",
        "incident",
        "review",
        "documentation",
        "planning",
        "operational",
        "unknown"
    };
    static final String[] STATES = {"APPROVED", "COMMENTED", "CHANGES_REQUESTED"};

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportBuilder builder;

    @Autowired
    TeamOverview overview;

    @Autowired
    Roster roster;

    @Autowired
    Clock clock;

    @Autowired
    TeamHealthBuilder healthBuilder;

    @Autowired
    MemberRhythms rhythms;

    @Autowired
    GitHubTallies gitHubTallies;

    @Autowired
    MemberUnits memberUnits;

    @Autowired
    PullRequestQueries pullRequestQueries;

    @Autowired
    TeamReviews teamReviews;

    @Autowired
    OwnActivityHours hours;

    final double scale = Double.parseDouble(System.getProperty("bench.scale", "1.0"));
    final Random random = new Random(42);

    @Test
    void reportLatency() throws Exception {
        int messages = (int) (1_000_000 * scale);
        int pulls = (int) (100_000 * scale);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long[] operators = {operator("UBENCH1"), operator("UBENCH2")};
        long[] members = members(operators);

        long t0 = System.nanoTime();
        loadMessages(members, messages, now);
        long t1 = System.nanoTime();
        loadPulls(members, pulls, now);
        long t2 = System.nanoTime();
        // COPY went around the github module: fill its day tallies as an upgrade's backfill does
        int tallied = gitHubTallies.refreshAll();
        long t3 = System.nanoTime();
        // and activity's overview day tallies, as the first read after an upgrade does
        memberUnits.recountTeamCounts(Arrays.stream(members).boxed().toList());
        long t4 = System.nanoTime();
        // what autovacuum does after a bulk load: statistics, and the visibility map index-only scans need
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            c.createStatement().execute("VACUUM ANALYZE");
        }
        System.out.printf(
                Locale.ROOT,
                "%nReportBenchmark scale %.2f: %,d Slack work units loaded in %.1f s, %,d pull requests + %,d reviews in %.1f s%n",
                scale,
                messages,
                (t1 - t0) / 1e9,
                pulls,
                pulls * 2,
                (t2 - t1) / 1e9);
        System.out.printf(
                Locale.ROOT,
                "GitHub day tallies filled once for %,d logins in %.1f s (GitHubTallies.refreshAll);"
                        + " overview unit day tallies for %,d members in %.1f s (MemberUnits.recountTeamCounts)%n",
                tallied,
                (t3 - t2) / 1e9,
                members.length,
                (t4 - t3) / 1e9);

        List<Member> team = roster.members(operators[0]);
        ZoneId zone = ZoneId.of("UTC");
        ReportPeriod year = ReportPeriod.lastDays(365, zone, clock);
        ReportPeriod quarter = ReportPeriod.lastDays(90, zone, clock);
        explain(members[0], year);

        double[] report = measure(30, 300, i -> builder.build(team.get(i % team.size()), year));
        print("report, one member, 365 days", report, "p95 <= 100 ms");
        double[] overview365 = measure(5, 40, i -> overview.rows(operators[0], team, year));
        print("team overview, " + team.size() + " members, 365 days", overview365, "p95 <= 150 ms");
        double[] overview90 = measure(5, 40, i -> overview.rows(operators[0], team, quarter));
        print("team overview, " + team.size() + " members, 90 days", overview90, "p95 <= 150 ms");
        // the overview's two halves on their own: activity's unit counts and GitHub's pull-request counts
        List<Long> ids = team.stream().map(Member::id).toList();
        List<String> teamLogins = team.stream().map(Member::githubLogin).toList();
        double[] unitsPart = measure(5, 40, i -> memberUnits.teamCounts(ids, year.start(), year.end()));
        print("  of which work-unit counts, 365 days", unitsPart, "(part)");
        double[] pullsPart = measure(5, 40, i -> pullRequestQueries.counts(teamLogins, year.start(), year.end()));
        print("  of which pull-request counts, 365 days", pullsPart, "(part)");

        // issue 16: the team health page and one member's working rhythm, members spread over five
        // zones (two with daylight saving), so the rhythm query runs once per zone
        String[] zones = {
            "Europe/Berlin", "America/New_York", "Pacific/Kiritimati", "Pacific/Honolulu", "Asia/Ho_Chi_Minh"
        };
        for (int i = 0; i < team.size(); i++) {
            roster.setTimeZone(team.get(i), zones[i % zones.length]);
        }
        List<Member> zoned = roster.members(operators[0]);
        Span yearSpan = new Span(year.from(), year.to(), zone);
        // the units went in by COPY, around activity's writers: count the day tallies in full, as an upgrade does
        long r0 = System.nanoTime();
        hours.recount(Arrays.stream(members).boxed().toList());
        zoned.stream()
                .collect(Collectors.groupingBy(m -> m.zoneOr(zone)))
                .forEach((z, group) ->
                        hours.refresh(group.stream().map(Member::id).toList(), z));
        System.out.printf(
                Locale.ROOT,
                "day tallies of %d members counted in full in %.1f s%n",
                zoned.size(),
                (System.nanoTime() - r0) / 1e9);
        plan(
                "rhythm day tallies, " + TEAM + " members, two years",
                "SELECT member_id, local_day, events, h09 + h10 + h11 + h12 + h13 + h14 + h15 + h16 + h17 AS w,"
                        + " h00 + h01 + h02 + h03 + h04 AS late FROM activity_local_days WHERE member_id IN ("
                        + String.join(
                                ", ",
                                zoned.stream().map(m -> Long.toString(m.id())).toList())
                        + ") AND local_day >= ? AND local_day < ?",
                List.of(
                        yearSpan.previous().from().minusDays(1).toEpochDay(),
                        yearSpan.to().plusDays(1).toEpochDay()));
        double[] health = measure(5, 40, i -> healthBuilder.build(operators[0], zoned, yearSpan));
        print("team health, " + zoned.size() + " members, 365 days", health, "p95 <= 300 ms");
        // the health page's parts, to see which one dominates: the members' rhythms, and github's review queries
        double[] healthRhythms = measure(3, 20, i -> rhythms.teamWithoutHeatMap(operators[0], zoned, yearSpan));
        print("  of which the rhythms", healthRhythms, "-");
        List<String> logins = zoned.stream().map(Member::githubLogin).toList();
        double[] healthReviews = measure(3, 20, i -> teamReviews.health(logins, yearSpan.start(), yearSpan.end()));
        print("  of which the review matrix and silos", healthReviews, "-");
        double[] rhythm = measure(30, 300, i -> rhythms.of(zoned.get(i % zoned.size()), yearSpan));
        print("working rhythm, one member, 365 days", rhythm, "p95 <= 50 ms");
    }

    interface Run {
        Object run(int i);
    }

    static double[] measure(int warmup, int runs, Run run) {
        for (int i = 0; i < warmup; i++) {
            run.run(i);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.run(i);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    static void print(String what, double[] ms, String target) {
        System.out.printf(
                Locale.ROOT,
                "%-45s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms   (target %s)%n",
                what,
                pct(ms, 50),
                pct(ms, 95),
                pct(ms, 99),
                ms[ms.length - 1],
                target);
    }

    static double pct(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private long operator(String slackId) {
        jdbc.sql("INSERT INTO operators (slack_user_id, name, team_id, team_name, connected_at)"
                        + " VALUES (?, ?, 'T1', 'Bench', ?)")
                .params(slackId, slackId, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return jdbc.sql("SELECT id FROM operators WHERE slack_user_id = ?")
                .param(slackId)
                .query(Long.class)
                .single();
    }

    private long[] members(long[] operators) {
        long[] ids = new long[MEMBERS];
        for (int m = 0; m < MEMBERS; m++) {
            long operator = m < TEAM ? operators[0] : operators[1];
            jdbc.sql("INSERT INTO members (operator_id, slack_user_id, display_name, github_login, created_at)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(
                            operator,
                            "U%05d".formatted(m),
                            "Dev %03d".formatted(m),
                            "Dev%03d".formatted(m),
                            OffsetDateTime.now(ZoneOffset.UTC))
                    .update();
            ids[m] = jdbc.sql("SELECT id FROM members WHERE slack_user_id = ?")
                    .param("U%05d".formatted(m))
                    .query(Long.class)
                    .single();
        }
        return ids;
    }

    private void loadMessages(long[] members, int count, Instant now) throws Exception {
        String copy = "COPY work_units (member_id, source, kind, role, source_key, occurred_at, title, body, url,"
                + " channel, content_hash, category, classifier, classified_hash, updated_at) FROM STDIN WITH (FORMAT csv)";
        long span = 400L * 86_400;
        copyInChunks(copy, count, i -> {
            long member = members[i % members.length];
            String kind = KINDS[random.nextInt(KINDS.length)];
            String role = random.nextInt(100) < 18 && !kind.equals("standup") ? "mentioned" : "authored";
            Instant at = now.minusSeconds((long) (random.nextDouble() * span));
            String channel = "eng-" + random.nextInt(30);
            String hash = Long.toHexString(random.nextLong());
            return member + ",slack," + kind + "," + role + ",slack:T1:C" + channel + ":" + at.getEpochSecond() + "."
                    + i + "," + at + ",\"Message " + i + " about the billing export\",\"Message " + i
                    + " about the billing export, longer text\",https://acme.slack.com/archives/C1/p" + i + ","
                    + channel + "," + hash + "," + CATEGORIES[random.nextInt(CATEGORIES.length)] + ",offline,"
                    + hash + "," + now + "\n";
        });
    }

    private void loadPulls(long[] members, int count, Instant now) throws Exception {
        long span = 400L * 86_400;
        List<String> reviews = new ArrayList<>();
        String copyPulls = "COPY github_pull_requests (repo, number, title, url, author_login, author_key, state,"
                + " created_at, merged_at, closed_at, stored_at) FROM STDIN WITH (FORMAT csv)";
        copyInChunks(copyPulls, count, i -> {
            int author = i % members.length;
            String repo = "acme/repo-" + (i % 40);
            Instant created = now.minusSeconds((long) (random.nextDouble() * span));
            boolean merged = random.nextInt(100) < 80;
            Instant mergedAt = created.plusSeconds(3600L + random.nextInt(120 * 3600));
            String login = "Dev%03d".formatted(author);
            for (int r = 0; r < 2; r++) {
                int reviewer = (author + 1 + random.nextInt(members.length - 1)) % members.length;
                String rl = "dev%03d".formatted(reviewer);
                Instant at = created.plusSeconds(600L + random.nextInt(48 * 3600));
                reviews.add(repo + "#" + i + ":" + r + "," + repo + "," + i + "," + rl + "," + rl + ","
                        + STATES[random.nextInt(STATES.length)] + "," + at + ",https://github.com/" + repo + "/pull/"
                        + i + "#pullrequestreview-" + r + "," + now + "\n");
            }
            return repo + "," + i + ",\"Pull request " + i + "\",https://github.com/" + repo + "/pull/" + i + ","
                    + login + "," + login.toLowerCase(Locale.ROOT) + "," + (merged ? "merged" : "open") + "," + created
                    + "," + (merged ? mergedAt : "") + "," + (merged ? mergedAt : "") + "," + now + "\n";
        });
        String copyReviews = "COPY github_reviews (review_key, repo, pr_number, reviewer_login, reviewer_key, state,"
                + " submitted_at, url, stored_at) FROM STDIN WITH (FORMAT csv)";
        copyInChunks(copyReviews, reviews.size(), reviews::get);
    }

    interface Line {
        String line(int i);
    }

    private void copyInChunks(String sql, int count, Line line) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            var chunk = new StringBuilder();
            for (int i = 0; i < count; i++) {
                chunk.append(line.line(i));
                if (chunk.length() > 8_000_000 || i == count - 1) {
                    copy.copyIn(sql, new StringReader(chunk.toString()));
                    chunk.setLength(0);
                }
            }
        }
    }

    /** The plans of the report's heaviest statements, so an index regression shows in the output. */
    private void explain(long memberId, ReportPeriod year) {
        String login = "dev%03d".formatted(0);
        var start = year.start().atOffset(ZoneOffset.UTC);
        var end = year.end().atOffset(ZoneOffset.UTC);
        Supplier<List<Object>> unit = () -> List.of(memberId, start, end);
        plan(
                "tally",
                "SELECT occurred_at, source, kind, role, channel, category, classifier, thread_reply, repo"
                        + " FROM work_units WHERE member_id = ? AND occurred_at >= ? AND occurred_at < ?",
                unit.get());
        plan(
                "feed page",
                "SELECT id, kind, source, role, occurred_at, title, url, category, classifier, channel, repo"
                        + " FROM work_units WHERE member_id = ? AND occurred_at >= ? AND occurred_at < ?"
                        + " ORDER BY occurred_at DESC, id DESC LIMIT 51",
                unit.get());
        plan(
                "merged",
                "SELECT repo, number FROM github_pull_requests WHERE author_key = ? AND merged_at >= ?"
                        + " AND merged_at < ? ORDER BY merged_at DESC",
                List.of(login, start, end));
        plan(
                "reviewed",
                "SELECT r.repo, r.pr_number, p.title FROM github_reviews r LEFT JOIN LATERAL (SELECT title, author_key"
                        + " FROM github_pull_requests pr WHERE pr.repo = r.repo AND pr.number = r.pr_number LIMIT 1) p"
                        + " ON TRUE WHERE r.reviewer_key = ? AND r.submitted_at >= ?"
                        + " AND r.submitted_at < ? AND (p.author_key IS NULL OR p.author_key <> ?)",
                List.of(login, start, end, login));
        plan(
                "overview units",
                "SELECT member_id, SUM(CASE WHEN source = 'slack' AND role = 'authored'"
                        + " AND kind IN ('discussion', 'thread_reply') THEN 1 ELSE 0 END), MAX(occurred_at)"
                        + " FROM work_units WHERE member_id IN (SELECT id FROM members WHERE operator_id ="
                        + " (SELECT operator_id FROM members WHERE id = ?)) AND occurred_at >= ? AND occurred_at < ?"
                        + " GROUP BY member_id",
                unit.get());
        // the team's logins as the overview passes them: one parameter each
        List<Object> logins = new ArrayList<>();
        for (int i = 0; i < TEAM; i++) {
            logins.add("dev%03d".formatted(i));
        }
        String in = String.join(", ", java.util.Collections.nCopies(TEAM, "?"));
        plan(
                "overview unit days",
                "SELECT member_id, SUM(slack_messages), SUM(standups), MAX(last_at) FROM activity_unit_days"
                        + " WHERE member_id IN (SELECT id FROM members WHERE operator_id ="
                        + " (SELECT operator_id FROM members WHERE id = ?)) AND utc_day >= ? AND utc_day < ?"
                        + " GROUP BY member_id",
                List.of(
                        memberId,
                        year.start().atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay(),
                        year.end().atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay()));
        // the overview's pull-request counts over whole UTC days, from GitHub's day tallies
        var days = List.<Object>of(
                year.start().atOffset(ZoneOffset.UTC).toLocalDate(),
                year.end().atOffset(ZoneOffset.UTC).toLocalDate());
        List<Object> pullDays = new ArrayList<>(logins);
        pullDays.addAll(days);
        plan(
                "overview pull request days",
                "SELECT login_key, SUM(created), SUM(merged) FROM github_pull_request_days WHERE login_key IN (" + in
                        + ") AND utc_day >= ? AND utc_day < ? GROUP BY login_key",
                pullDays);
        List<Object> reviewDays = new ArrayList<>(pullDays);
        reviewDays.add(days.get(0));
        plan(
                "overview review days",
                "SELECT login_key, SUM(pulls) FROM github_review_days WHERE login_key IN (" + in
                        + ") AND utc_day >= ? AND utc_day < ? AND (prev_utc_day IS NULL OR prev_utc_day < ?)"
                        + " GROUP BY login_key",
                reviewDays);
    }

    private void plan(String name, String sql, List<Object> params) {
        System.out.println("EXPLAIN " + name + ":");
        jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                .params(params)
                .query(String.class)
                .list()
                .forEach(l -> System.out.println("    " + l));
    }
}
