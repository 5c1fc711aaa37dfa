package dev.worklens.classify;

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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a member's units and GitHub rows for a range and counts them into {@link ActivityFacts}. */
@Repository
class ActivityFactsQuery {

    /** One line of what the member did, for Claude to write insights from. */
    record Item(Instant at, String kind, String category, String title, String repo, String channel) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    ActivityFactsQuery(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
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
        String login = member.githubLogin().strip().toLowerCase(Locale.ROOT);
        int created = jdbc.sql("SELECT COUNT(*) FROM github_pull_requests"
                        + " WHERE author_key = ? AND created_at >= ? AND created_at < ?")
                .params(login, Rows.utc(start), Rows.utc(end))
                .query(Integer.class)
                .single();
        List<Double> cycleHours = new ArrayList<>();
        Set<LocalDate> mergedDays = new HashSet<>();
        jdbc.sql("SELECT created_at, merged_at FROM github_pull_requests"
                        + " WHERE author_key = ? AND merged_at >= ? AND merged_at < ?")
                .params(login, Rows.utc(start), Rows.utc(end))
                .query(rs -> {
                    Instant merged = Rows.instant(rs, "merged_at");
                    Instant opened = Rows.instant(rs, "created_at");
                    cycleHours.add(Duration.between(opened, merged).toMinutes() / 60.0);
                    mergedDays.add(merged.atZone(zone).toLocalDate());
                });
        int open = jdbc.sql("SELECT COUNT(*) FROM github_pull_requests WHERE author_key = ? AND created_at >= ?"
                        + " AND created_at < ? AND created_at < ? AND merged_at IS NULL AND closed_at IS NULL")
                .params(
                        login,
                        Rows.utc(start),
                        Rows.utc(end),
                        Rows.utc(clock.instant().minus(Duration.ofDays(7))))
                .query(Integer.class)
                .single();
        List<String> reviewed = jdbc.sql("SELECT r.repo, r.pr_number FROM github_reviews r"
                        + " WHERE r.reviewer_key = ? AND r.submitted_at >= ? AND r.submitted_at < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM github_pull_requests p WHERE p.repo = r.repo"
                        + " AND p.number = r.pr_number AND p.author_key = r.reviewer_key)")
                .params(login, Rows.utc(start), Rows.utc(end))
                .query((rs, row) -> rs.getString("repo") + "#" + rs.getInt("pr_number"))
                .list();
        return new GitHubNumbers(
                created,
                cycleHours.size(),
                median(cycleHours),
                open,
                reviewed.size(),
                new HashSet<>(reviewed).size(),
                mergedDays);
    }

    static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
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
