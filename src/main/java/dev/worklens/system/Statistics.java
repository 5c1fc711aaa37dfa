package dev.worklens.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * The one definition of the numbers the report and the insights both state, so the two never
 * disagree: a median, and the hours between two instants. Rounding is for the page that shows it.
 */
public final class Statistics {

    private Statistics() {}

    /** The median of the known values (nulls skipped), the mean of the middle two for an even count; null when none. */
    public static Double median(Collection<Double> values) {
        double[] known = values.stream()
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        int n = known.length;
        if (n == 0) {
            return null;
        }
        return n % 2 == 1 ? known[n / 2] : (known[n / 2 - 1] + known[n / 2]) / 2;
    }

    /** Hours from one instant to another, to the second; null when either is missing or the second is earlier. */
    public static Double hoursBetween(Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return null;
        }
        return Duration.between(from, to).toSeconds() / 3600.0;
    }
}
