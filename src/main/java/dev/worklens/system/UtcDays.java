package dev.worklens.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The whole UTC days {@code [first, end)} inside a period {@code [start, end)}: what a per-UTC-day
 * tally can sum. A period cut in another zone leaves a partial day at either end, which is counted
 * from the rows themselves ({@link #start}–{@link #from} and {@link #to}–{@link #end}).
 */
public record UtcDays(Instant start, Instant end, LocalDate first, LocalDate endDay) {

    public static UtcDays within(Instant start, Instant end) {
        LocalDate first = LocalDate.ofInstant(start, ZoneOffset.UTC);
        if (first.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(start)) {
            first = first.plusDays(1);
        }
        return new UtcDays(start, end, first, LocalDate.ofInstant(end, ZoneOffset.UTC));
    }

    /** Whether the period holds at least one whole UTC day. */
    public boolean any() {
        return first.isBefore(endDay);
    }

    /** The start of the first whole day. */
    public Instant from() {
        return first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The end of the last whole day. */
    public Instant to() {
        return endDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Whether a partial day is left at either end. */
    public boolean partial() {
        return start.isBefore(from()) || to().isBefore(end);
    }
}
