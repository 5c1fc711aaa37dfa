package dev.worklens.patterns;

import dev.worklens.activity.OwnActivityHours.Bucket;
import dev.worklens.system.WorkWeek;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** Turns one member's hour buckets into their figures; pure, so tests hand it buckets. */
final class RhythmCounter {

    private final WorkWeek week;
    private final LocalDate firstMonday;
    private final List<LocalDate> weeks = new ArrayList<>();
    private final long[][] hourOfWeek = new long[7][24];
    private final long[] weeklyEvents;
    private final long[] weeklyAfterHours;
    private final Tally current = new Tally();
    private final Tally previous = new Tally();

    RhythmCounter(Span span, WorkWeek week) {
        this.week = week;
        this.firstMonday = span.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate w = firstMonday; !w.isAfter(span.to()); w = w.plusWeeks(1)) {
            weeks.add(w);
        }
        weeklyEvents = new long[weeks.size()];
        weeklyAfterHours = new long[weeks.size()];
    }

    void add(Bucket b) {
        long after = week.workingDay(b.day()) ? b.events() - b.withinHours() : b.events();
        long late = b.hour() < 5 ? b.events() : 0;
        (b.current() ? current : previous).add(b.day(), b.events(), after, late);
        if (!b.current()) {
            return;
        }
        hourOfWeek[b.day().getDayOfWeek().getValue() - 1][b.hour()] += b.events();
        // a member east or west of the report's zone may have a local day just outside the span
        int index = (int) ChronoUnit.WEEKS.between(firstMonday, b.day().with(DayOfWeek.MONDAY));
        index = Math.max(0, Math.min(weeks.size() - 1, index));
        weeklyEvents[index] += b.events();
        weeklyAfterHours[index] += after;
    }

    Rhythm rhythm(long memberId, String zone, boolean zoneKnown) {
        return new Rhythm(
                memberId,
                zone,
                zoneKnown,
                week,
                current.figures(week),
                previous.figures(week),
                hourOfWeek,
                List.copyOf(weeks),
                Arrays.stream(weeklyEvents).boxed().toList(),
                Arrays.stream(weeklyAfterHours).boxed().toList());
    }

    private static final class Tally {
        private long events, afterHours, lateNight;
        private final TreeSet<LocalDate> days = new TreeSet<>();

        void add(LocalDate day, long n, long after, long late) {
            events += n;
            afterHours += after;
            lateNight += late;
            if (n > 0) {
                days.add(day);
            }
        }

        Figures figures(WorkWeek week) {
            long weekend = days.stream().filter(d -> !week.workingDay(d)).count();
            long longest = 0;
            long run = 0;
            LocalDate before = null;
            for (LocalDate d : days) {
                run = before != null && before.plusDays(1).equals(d) ? run + 1 : 1;
                longest = Math.max(longest, run);
                before = d;
            }
            return new Figures(
                    events, afterHours, Figures.share(afterHours, events), weekend, days.size(), longest, lateNight);
        }
    }
}
