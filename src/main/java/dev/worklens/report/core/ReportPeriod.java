package dev.worklens.report.core;

import dev.worklens.system.web.ApiException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * An inclusive range of calendar days in a time zone. Storage is UTC, so the range becomes the
 * instants {@code [start, end)}: midnight of {@code from} to midnight after {@code to}, in {@code zone}.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    public static final int DEFAULT_DAYS = 90;
    /** Two years, leap day included. */
    public static final int MAX_DAYS = 731;

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The last {@code days} days up to today in the zone. */
    public static ReportPeriod lastDays(int days, ZoneId zone, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return new ReportPeriod(today.minusDays(days - 1L), today, zone);
    }

    /**
     * Reads the query parameters of the API and the page; any may be absent. {@code days} is the
     * page's "last N days" shortcut; explicit dates win over it.
     */
    public static ReportPeriod parse(
            String from, String to, String days, String timezone, ZoneId fallback, Clock clock) {
        ZoneId zone = zone(timezone, fallback);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate end = blank(to) ? today : date("to", to);
        LocalDate start;
        if (!blank(from)) {
            start = date("from", from);
        } else {
            int n = blank(days) ? DEFAULT_DAYS : dayCount(days);
            start = end.minusDays(n - 1L);
        }
        if (end.isBefore(start)) {
            throw ApiException.invalid("range", "'to' (" + end + ") is before 'from' (" + start + "): swap them.");
        }
        var period = new ReportPeriod(start, end, zone);
        if (period.days() > MAX_DAYS) {
            throw ApiException.invalid(
                    "range", "The range is " + period.days() + " days; a report covers at most two years (731 days).");
        }
        return period;
    }

    private static ZoneId zone(String timezone, ZoneId fallback) {
        if (blank(timezone)) {
            return fallback;
        }
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException e) {
            throw ApiException.invalid(
                    "timezone", "'" + abbreviate(timezone) + "' is not a time zone such as UTC or Asia/Ho_Chi_Minh.");
        }
    }

    /** Reports cover work done with Slack and GitHub: dates outside these years are typing slips. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private static LocalDate date(String name, String value) {
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                throw ApiException.invalid(
                        name,
                        "'" + name + "' must be between " + EARLIEST + " and " + LATEST + " (it is " + date + ").");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(
                    name, "'" + name + "' must be a date like 2026-11-20 (it is '" + abbreviate(value) + "').");
        }
    }

    private static int dayCount(String days) {
        try {
            int n = Integer.parseInt(days.strip());
            if (n >= 1 && n <= MAX_DAYS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw ApiException.invalid("days", "'days' must be a whole number from 1 to " + MAX_DAYS + ".");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
