package dev.worklens.patterns;

import dev.worklens.activity.OwnActivityHours.Day;
import dev.worklens.activity.OwnActivityHours.HourOfWeek;
import dev.worklens.system.WorkWeek;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** Turns one member's day and hour-of-week counts into their figures; pure, so tests hand it counts. */
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

    void add(Day d) {
        long after = week.workingDay(d.day()) ? d.events() - d.withinHours() : d.events();
        (d.current() ? current : previous).add(d.day(), d.events(), after, d.lateNight());
        if (!d.current()) {
            return;
        }
        // a member east or west of the report's zone may have a local day just outside the span
        int index = (int) ChronoUnit.WEEKS.between(firstMonday, d.day().with(DayOfWeek.MONDAY));
        index = Math.max(0, Math.min(weeks.size() - 1, index));
        weeklyEvents[index] += d.events();
        weeklyAfterHours[index] += after;
    }

    /** The current period's events in one local hour of the week. */
    void add(HourOfWeek h) {
        hourOfWeek[h.dayOfWeek().getValue() - 1][h.hour()] += h.events();
    }

    /** @param previousSynced whether syncs covered the period before; its figures are null when not */
    Rhythm rhythm(long memberId, String zone, boolean zoneKnown, boolean previousSynced) {
        return new Rhythm(
                memberId,
                zone,
                zoneKnown,
                week,
                current.figures(week),
                previousSynced ? previous.figures(week) : null,
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
