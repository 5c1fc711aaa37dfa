package dev.worklens.report.api;

import dev.worklens.patterns.Figures;
import dev.worklens.patterns.Rhythm;

/** {@code patterns} of API.md: PRODUCT.md §14 figures, with the previous period of equal length. */
record PatternsJson(
        String timezone,
        long events,
        long afterHours,
        double afterHoursShare,
        long weekendDaysActive,
        long activeDays,
        long longestActiveStreakDays,
        long lateNight,
        Previous previous) {

    /** Every figure null when no sync covered the period before: nothing to compare with. */
    record Previous(
            Long events,
            Long afterHours,
            Double afterHoursShare,
            Long weekendDaysActive,
            Long activeDays,
            Long longestActiveStreakDays,
            Long lateNight) {

        static final Previous NOT_SYNCED = new Previous(null, null, null, null, null, null, null);
    }

    /** Null when ENABLE_BURNOUT_DETECTION is off: the key is then {@code null}. */
    static PatternsJson of(Rhythm r) {
        if (r == null) {
            return null;
        }
        Figures c = r.current();
        Figures p = r.previous();
        return new PatternsJson(
                r.timezone(),
                c.events(),
                c.afterHours(),
                c.afterHoursShare(),
                c.weekendDaysActive(),
                c.activeDays(),
                c.longestActiveStreakDays(),
                c.lateNight(),
                p == null
                        ? Previous.NOT_SYNCED
                        : new Previous(
                                p.events(),
                                p.afterHours(),
                                p.afterHoursShare(),
                                p.weekendDaysActive(),
                                p.activeDays(),
                                p.longestActiveStreakDays(),
                                p.lateNight()));
    }
}
