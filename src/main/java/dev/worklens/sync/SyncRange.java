package dev.worklens.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** An inclusive range of UTC dates, as the API takes it; sources read [start, endExclusive). */
public record SyncRange(LocalDate from, LocalDate to) {

    public SyncRange {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from is after to");
        }
    }

    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the range: the start of the day after {@code to}. */
    public Instant endExclusive() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(endExclusive());
    }
}
