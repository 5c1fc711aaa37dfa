package dev.worklens.sync.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When a weekly schedule next fires. The local time is read in the schedule's zone on each
 * chosen weekday: a time that falls in a DST gap fires right after the gap (02:30 on a night
 * that jumps 02:00→03:00 fires at 03:30, as {@link ZonedDateTime#of} resolves it), and a time
 * that occurs twice in an overlap fires once, at the earlier occurrence.
 */
public final class NextRun {

    private NextRun() {}

    /** The first firing strictly after {@code after}. */
    public static Instant after(Set<DayOfWeek> days, LocalTime time, ZoneId zone, Instant after) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one weekday");
        }
        // a day earlier too: a gap can push one day's firing past midnight into the next day
        LocalDate date = LocalDate.ofInstant(after, zone).minusDays(1);
        for (int i = 0; i <= 9; i++) {
            LocalDate day = date.plusDays(i);
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant candidate = ZonedDateTime.of(day, time, zone).toInstant();
            if (candidate.isAfter(after)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no firing within a week for " + days + " " + time + " " + zone);
    }
}
