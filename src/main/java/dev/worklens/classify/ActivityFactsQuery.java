package dev.worklens.classify;

import dev.worklens.activity.MemberUnits;
import dev.worklens.activity.UnitKind;
import dev.worklens.github.PullRequestQueries;
import dev.worklens.github.PullRequests;
import dev.worklens.system.Statistics;
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
import org.springframework.stereotype.Component;

/**
 * Counts a member's units for a range, with GitHub's numbers from the member's pull-request groups
 * ({@link PullRequestQueries#groups}), into {@link ActivityFacts}. The report hands over the units
 * and the groups it has already read for its own counts; the units hash, which needs each unit's
 * text hash, is read only when Claude's stored insights are compared with it.
 */
@Component
class ActivityFactsQuery {

    private final MemberUnits units;
    private final PullRequestQueries pullRequests;
    private final Clock clock;

    ActivityFactsQuery(MemberUnits units, PullRequestQueries pullRequests, Clock clock) {
        this.units = units;
        this.pullRequests = pullRequests;
        this.clock = clock;
    }

    /** Facts with the units hash, reading the member's units and pull requests. */
    ActivityFacts facts(Member member, LocalDate from, LocalDate to, ZoneId zone) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return withUnitsHash(
                member,
                facts(
                        member,
                        from,
                        to,
                        zone,
                        units.counted(member.id(), start, end),
                        pullRequests.groups(member.githubLogin(), start, end)));
    }

    /**
     * Facts from the member's units and pull-request groups in the range as already read ({@link
     * MemberUnits#counted}, {@link PullRequestQueries#groups}), without the units hash ({@code
     * null}); see {@link #withUnitsHash}.
     */
    ActivityFacts facts(
            Member member,
            LocalDate from,
            LocalDate to,
            ZoneId zone,
            List<MemberUnits.Counted> rows,
            PullRequests pulls) {
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
        int mentioned = 0;
        for (MemberUnits.Counted u : rows) {
            if ("channel".equals(u.role())) {
                continue;
            }
            if (!"authored".equals(u.role())) {
                mentioned++;
                continue;
            }
            UnitKind kind = u.kind();
            LocalDate day = u.at().atZone(zone).toLocalDate();
            byKind.merge(kind.code(), 1, Integer::sum);
            byCategory.merge(Category.fromWire(u.category()).orElse(Category.UNKNOWN), 1, Integer::sum);
            weeks.merge(weekOf(day), 1, Integer::sum);
            if (kind == UnitKind.STANDUP) {
                standupDays.add(day);
            }
            if ("github".equals(u.source())) {
                githubDays.add(day);
                count(byRepo, u.repo());
            } else if (kind != UnitKind.STANDUP) {
                count(byChannel, u.channel());
            }
        }
        var github = member.hasGithubLogin() ? github(pulls, zone) : GitHubNumbers.NONE;
        githubDays.addAll(github.mergedDays());
        return new ActivityFacts(
                member.displayName(),
                from,
                to,
                zone,
                member.hasGithubLogin(),
                byKind,
                mentioned,
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
                null);
    }

    /**
     * The facts with their units hash: every unit's text hash and label (channel units aside), the
     * zone and GitHub's numbers. It changes whenever a unit, its label or a pull-request number
     * changes, and keys Claude's stored insights.
     */
    ActivityFacts withUnitsHash(Member member, ActivityFacts f) {
        Instant start = f.from().atStartOfDay(f.zone()).toInstant();
        Instant end = f.to().plusDays(1).atStartOfDay(f.zone()).toInstant();
        List<String> fingerprint = new ArrayList<>(units.contentLabels(member.id(), start, end));
        fingerprint.sort(null);
        fingerprint.add(f.zone().getId() + "|" + f.prsCreated() + "," + f.prsMerged() + "," + f.prsOpenOverAWeek() + ","
                + f.reviews() + "," + f.prsReviewed());
        return new ActivityFacts(
                f.memberName(),
                f.from(),
                f.to(),
                f.zone(),
                f.githubLinked(),
                f.byKind(),
                f.mentioned(),
                f.byCategory(),
                f.byChannel(),
                f.byRepo(),
                f.prsCreated(),
                f.prsMerged(),
                f.medianCycleHours(),
                f.prsOpenOverAWeek(),
                f.reviews(),
                f.prsReviewed(),
                f.weeks(),
                f.standupDays(),
                f.githubDays(),
                sha256(fingerprint));
    }

    /** The member's own units in the range, pull requests, issues and standups first, newest first. */
    List<MemberUnits.Item> items(Member member, LocalDate from, LocalDate to, ZoneId zone, int limit) {
        return units.authoredItems(
                member.id(),
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(),
                limit);
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
    }

    // the same rows the report lists: opened, merged (cycle time, days), still open after a week,
    // and the reviews of others' pull requests, each counted and per pull request
    private GitHubNumbers github(PullRequests pulls, ZoneId zone) {
        List<Double> cycleHours = new ArrayList<>();
        Set<LocalDate> mergedDays = new HashSet<>();
        for (PullRequests.Authored merge : pulls.merged()) {
            cycleHours.add(Statistics.hoursBetween(merge.createdAt(), merge.mergedAt()));
            mergedDays.add(merge.mergedAt().atZone(zone).toLocalDate());
        }
        Instant openedBefore = clock.instant().minus(Duration.ofDays(7));
        int open = (int) pulls.created().stream()
                .filter(p -> p.createdAt().isBefore(openedBefore) && p.mergedAt() == null && p.closedAt() == null)
                .count();
        int reviews = pulls.reviewed().stream()
                .mapToInt(PullRequests.Reviewed::reviews)
                .sum();
        return new GitHubNumbers(
                pulls.created().size(),
                cycleHours.size(),
                Statistics.median(cycleHours),
                open,
                reviews,
                pulls.reviewed().size(),
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
