package dev.worklens.classify;

import dev.worklens.github.PullRequestQueries;
import dev.worklens.system.Statistics;
import dev.worklens.system.db.Rows;
import dev.worklens.team.Member;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a member's units for a range and counts them, with GitHub's numbers from its published
 * queries, into {@link ActivityFacts}.
 */
@Repository
class ActivityFactsQuery {

    /** One line of what the member did, for Claude to write insights from. */
    record Item(Instant at, String kind, String category, String title, String repo, String channel) {}

    private final JdbcClient jdbc;
    private final PullRequestQueries pullRequests;
    private final Clock clock;

    ActivityFactsQuery(JdbcClient jdbc, PullRequestQueries pullRequests, Clock clock) {
        this.jdbc = jdbc;
        this.pullRequests = pullRequests;
        this.clock = clock;
    }

    ActivityFacts facts(Member member, LocalDate from, LocalDate to, ZoneId zone) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Integer> byKind = new TreeMap<>();
        Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
        Map<String, Integer> byChannel = new TreeMap<>();
        Map<String, Integer> byRepo = new TreeMap<>();
        TreeMap<LocalDate, Integer> weeks = new TreeMap<>();
        for (LocalDate week = weekOf(from); !week.isAfter(to); week = week.plusWeeks(1)) {
            weeks.put(week, 0);
        }
        TreeSet<LocalDate> standupDays = new TreeSet<>();
        TreeSet<LocalDate> githubDays = new TreeSet<>();
        List<String> fingerprint = new ArrayList<>();
        int[] mentioned = {0};
        jdbc.sql("SELECT kind, source, role, category, occurred_at, channel, repo, content_hash FROM work_units"
                        + " WHERE member_id = ? AND occurred_at >= ? AND occurred_at < ? AND role <> 'channel'")
                .params(member.id(), Rows.utc(start), Rows.utc(end))
                .query(rs -> {
                    fingerprint.add(rs.getString("content_hash") + ":" + rs.getString("category"));
                    if (!"authored".equals(rs.getString("role"))) {
                        mentioned[0]++;
                        return;
                    }
                    String kind = rs.getString("kind");
                    LocalDate day = Rows.instant(rs, "occurred_at").atZone(zone).toLocalDate();
                    byKind.merge(kind, 1, Integer::sum);
                    byCategory.merge(
                            Category.fromWire(rs.getString("category")).orElse(Category.UNKNOWN), 1, Integer::sum);
                    weeks.merge(weekOf(day), 1, Integer::sum);
                    if ("standup".equals(kind)) {
                        standupDays.add(day);
                    }
                    if ("github".equals(rs.getString("source"))) {
                        githubDays.add(day);
                        count(byRepo, rs.getString("repo"));
                    } else if (!"standup".equals(kind)) {
                        count(byChannel, rs.getString("channel"));
                    }
                });
        var github = member.hasGithubLogin() ? github(member, start, end, zone) : GitHubNumbers.NONE;
        githubDays.addAll(github.mergedDays());
        fingerprint.sort(null);
        fingerprint.add(zone.getId() + "|" + github.fingerprint());
        return new ActivityFacts(
                member.displayName(),
                from,
                to,
                zone,
                member.hasGithubLogin(),
                byKind,
                mentioned[0],
                byCategory,
                byChannel,
                byRepo,
                github.created(),
                github.merged(),
                github.medianCycleHours(),
                github.openOverAWeek(),
                github.reviews(),
                github.reviewedPrs(),
                weeks,
                standupDays,
                githubDays,
                sha256(fingerprint));
    }

    /** The member's own units in the range, pull requests, issues and standups first, newest first. */
    List<Item> items(Member member, LocalDate from, LocalDate to, ZoneId zone, int limit) {
        return jdbc.sql("SELECT occurred_at, kind, category, title, repo, channel FROM work_units"
                        + " WHERE member_id = ? AND occurred_at >= ? AND occurred_at < ? AND role = 'authored'"
                        + " ORDER BY CASE WHEN kind IN ('pull_request', 'issue', 'standup') THEN 0 ELSE 1 END,"
                        + " occurred_at DESC LIMIT ?")
                .params(
                        member.id(),
                        Rows.utc(from.atStartOfDay(zone).toInstant()),
                        Rows.utc(to.plusDays(1).atStartOfDay(zone).toInstant()),
                        limit)
                .query((rs, row) -> new Item(
                        Rows.instant(rs, "occurred_at"),
                        rs.getString("kind"),
                        rs.getString("category"),
                        rs.getString("title"),
                        rs.getString("repo"),
                        rs.getString("channel")))
                .list();
    }

    private record GitHubNumbers(
            int created,
            int merged,
            Double medianCycleHours,
            int openOverAWeek,
            int reviews,
            int reviewedPrs,
            Set<LocalDate> mergedDays) {

        static final GitHubNumbers NONE = new GitHubNumbers(0, 0, null, 0, 0, 0, Set.of());

        String fingerprint() {
            return created + "," + merged + "," + openOverAWeek + "," + reviews + "," + reviewedPrs;
        }
    }

    private GitHubNumbers github(Member member, Instant start, Instant end, ZoneId zone) {
        String login = member.githubLogin();
        int created = pullRequests.createdCount(login, start, end);
        List<Double> cycleHours = new ArrayList<>();
        Set<LocalDate> mergedDays = new HashSet<>();
        for (PullRequestQueries.Merge merge : pullRequests.merges(login, start, end)) {
            cycleHours.add(Statistics.hoursBetween(merge.createdAt(), merge.mergedAt()));
            mergedDays.add(merge.mergedAt().atZone(zone).toLocalDate());
        }
        int open = pullRequests.stillOpen(login, start, end, clock.instant().minus(Duration.ofDays(7)));
        List<String> reviewed = pullRequests.reviewsOfOthers(login, start, end);
        return new GitHubNumbers(
                created,
                cycleHours.size(),
                Statistics.median(cycleHours),
                open,
                reviewed.size(),
                new HashSet<>(reviewed).size(),
                mergedDays);
    }

    static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static void count(Map<String, Integer> counts, String key) {
        if (key != null && !key.isBlank()) {
            counts.merge(key, 1, Integer::sum);
        }
    }

    private static String sha256(List<String> parts) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
