package dev.worklens.sync.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the Sync page shows them: in the operator's report time zone, to the second. */
record LocalTimes(ZoneId zone) {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public String at(Instant instant) {
        return instant == null ? "—" : FORMAT.format(instant.atZone(zone));
    }
}
