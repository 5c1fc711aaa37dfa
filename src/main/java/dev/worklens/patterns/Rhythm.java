package dev.worklens.patterns;

import dev.worklens.system.WorkWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * One member's working rhythm over a span and the span before it.
 *
 * @param timezone the zone events were placed in: the member's, else the report's
 * @param zoneKnown false when the member has no zone and {@code timezone} is the report's
 * @param previous the period before, or null when no sync covered it: there is nothing to compare with
 * @param hourOfWeek current period's events by local day of week (0 = Monday) and hour
 * @param weeks Mondays of the span's weeks; {@code weeklyEvents} and {@code weeklyAfterHours} align with them
 */
public record Rhythm(
        long memberId,
        String timezone,
        boolean zoneKnown,
        WorkWeek workWeek,
        Figures current,
        Figures previous,
        long[][] hourOfWeek,
        List<LocalDate> weeks,
        List<Long> weeklyEvents,
        List<Long> weeklyAfterHours) {

    public long busiestHourCount() {
        long max = 0;
        for (long[] day : hourOfWeek) {
            for (long n : day) {
                max = Math.max(max, n);
            }
        }
        return max;
    }
}
