package dev.worklens.report.core;

import dev.worklens.activity.MemberUnits;
import dev.worklens.activity.UnitKind;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Counts a member's work units in a period, read in one pass over the (member, time) index. Weeks
 * are cut in the report's zone, which SQL cannot do the same way on H2 and PostgreSQL, so the
 * rows' times come back and are bucketed here; a year of one member's work is a few thousand rows,
 * and the insights count the same rows.
 */
@Component
class ActivityTally {

    static final List<String> CATEGORIES = List.of(
            "feature",
            "bug_fix",
            "architecture",
            "mentorship",
            "incident",
            "review",
            "documentation",
            "planning",
            "operational",
            "unknown");
    static final List<String> SOURCES = List.of("slack", "github");

    ActivityNumbers count(List<MemberUnits.Counted> units, ReportPeriod period) {
        var counter = new Counter(period);
        for (MemberUnits.Counted u : units) {
            counter.add(
                    u.at(), u.source(), u.kind(), u.role(), u.channel(), u.category(), u.classifier(), u.threadReply());
        }
        return counter.numbers();
    }

    private static final class Counter {
        private final ReportPeriod period;
        private final LocalDate firstMonday;
        private final List<LocalDate> weeks = new ArrayList<>();
        private final Map<String, long[]> perWeek = new LinkedHashMap<>();
        private final Map<String, Long> categories = new LinkedHashMap<>();
        private final Map<String, Long> classifiers = new HashMap<>();
        private final Map<String, Long> byChannel = new TreeMap<>();
        private long authored, mentioned, standups, threadReplies, commits, issues, reviews, pulls, total;

        Counter(ReportPeriod period) {
            this.period = period;
            this.firstMonday = period.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            for (LocalDate w = firstMonday; !w.isAfter(period.to()); w = w.plusWeeks(1)) {
                weeks.add(w);
            }
            SOURCES.forEach(s -> perWeek.put(s, new long[weeks.size()]));
            CATEGORIES.forEach(c -> categories.put(c, 0L));
        }

        void add(
                Instant at,
                String source,
                UnitKind kind,
                String role,
                String channel,
                String category,
                String by,
                boolean threadReply) {
            total++;
            boolean own = "authored".equals(role);
            if ("slack".equals(source)) {
                slack(kind, role, channel, threadReply);
            } else if ("github".equals(source) && own) {
                switch (kind) {
                    case COMMIT -> commits++;
                    case ISSUE -> issues++;
                    case REVIEW -> reviews++;
                    case PULL_REQUEST -> pulls++;
                    default -> {}
                }
            }
            if (!own) {
                return;
            }
            categories.merge(category == null ? "unknown" : category, 1L, Long::sum);
            if (by != null) {
                classifiers.merge(by, 1L, Long::sum);
            }
            int week = (int) ChronoUnit.WEEKS.between(
                    firstMonday, at.atZone(period.zone()).toLocalDate());
            if (week >= 0 && week < weeks.size()) {
                perWeek.computeIfAbsent(source, s -> new long[weeks.size()])[week]++;
            }
        }

        /**
         * API.md's rules: a standup is both a message the member wrote and a standup, so it counts
         * in authored and per channel too; thread replies count wherever they are, standups included.
         */
        private void slack(UnitKind kind, String role, String channel, boolean threadReply) {
            if ("mentioned".equals(role)) {
                mentioned++;
                return;
            }
            if (!"authored".equals(role)) {
                return;
            }
            if (kind == UnitKind.STANDUP) {
                standups++;
            } else if (kind != UnitKind.DISCUSSION && kind != UnitKind.THREAD_REPLY) {
                return;
            }
            authored++;
            if (threadReply || kind == UnitKind.THREAD_REPLY) {
                threadReplies++;
            }
            if (channel != null) {
                byChannel.merge(channel, 1L, Long::sum);
            }
        }

        ActivityNumbers numbers() {
            Map<String, Long> sortedClassifiers = new LinkedHashMap<>();
            classifiers.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> sortedClassifiers.put(e.getKey(), e.getValue()));
            Map<String, List<Long>> series = new LinkedHashMap<>();
            perWeek.forEach((source, counts) ->
                    series.put(source, Arrays.stream(counts).boxed().toList()));
            return new ActivityNumbers(
                    new ActivityNumbers.Slack(authored, mentioned, standups, threadReplies, byChannel),
                    new ActivityNumbers.GitHub(commits, issues, reviews, pulls),
                    categories,
                    sortedClassifiers,
                    total,
                    List.copyOf(weeks),
                    series);
        }
    }
}
