package dev.worklens.team;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/** A member's time zone as stored: an IANA region id such as Europe/Berlin, checked once here. */
public final class MemberTimeZone {

    private MemberTimeZone() {}

    public static Optional<ZoneId> parse(String tz) {
        if (tz == null || tz.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(tz.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The problem with a zone a person typed, in words, or empty when it can be stored. Only region
     * ids are accepted: a fixed offset such as +02:00 would silently ignore daylight saving.
     */
    public static Optional<String> problem(String tz) {
        if (tz == null || tz.isBlank()) {
            return Optional.empty();
        }
        String value = tz.strip();
        if (value.length() > 64
                || !value.matches("[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+)*")
                || !ZoneId.getAvailableZoneIds().contains(value)) {
            return Optional.of("Time zone '" + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                    + "' is not an IANA time zone such as Europe/Berlin, America/New_York or UTC.");
        }
        return Optional.empty();
    }
}
