package dev.worklens.patterns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The report's range: calendar days {@code from..to} cut in the report's zone, so the instants
 * are the same as every other figure of the report. Events are then placed in each member's zone.
 */
public record Span(LocalDate from, LocalDate to, ZoneId zone) {

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The same number of days just before this span. */
    public Span previous() {
        return new Span(from.minusDays(days()), from.minusDays(1), zone);
    }
}
