package dev.worklens.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * An inclusive range of calendar days in the report's zone ({@code REPORT_TIMEZONE}), as the API
 * and the Sync page take it; sources read the instants [start, endExclusive). The days are cut in
 * the same zone as a report's period, so a sync of the days a report shows fetches exactly its
 * instants: cut in UTC, a zone east of UTC would miss the first hours of its first day.
 */
public record SyncRange(LocalDate from, LocalDate to, ZoneId zone) {

    public SyncRange {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from is after to");
        }
    }

    /** Days cut in UTC, the default report zone. */
    public SyncRange(LocalDate from, LocalDate to) {
        this(from, to, ZoneOffset.UTC);
    }

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the range: the start of the day after {@code to}. */
    public Instant endExclusive() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(endExclusive());
    }
}
