package dev.worklens.patterns;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A member's rhythm figures over one period (docs/report.md defines each).
 *
 * @param afterHoursShare after-hours events over events, three decimals, 0 when there are none
 */
public record Figures(
        long events,
        long afterHours,
        double afterHoursShare,
        long weekendDaysActive,
        long activeDays,
        long longestActiveStreakDays,
        long lateNight) {

    public static final Figures NONE = new Figures(0, 0, 0.0, 0, 0, 0, 0);

    static double share(long part, long whole) {
        if (whole == 0) {
            return 0.0;
        }
        return BigDecimal.valueOf(part)
                .divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
