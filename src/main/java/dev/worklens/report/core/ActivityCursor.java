package dev.worklens.report.core;

import dev.worklens.system.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The keyset position after the last unit of a page: (time, id), both descending. Encoded so
 * callers treat it as opaque and do not build their own.
 */
record ActivityCursor(Instant at, long id) {

    String encode() {
        String plain = "v1|" + at + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static ActivityCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|");
            if (parts.length == 3 && parts[0].equals("v1")) {
                return new ActivityCursor(Instant.parse(parts[1]), Long.parseLong(parts[2]));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // falls through to the message below
        }
        throw ApiException.invalid(
                "cursor", "The activity cursor is not one this server gave out; start again without 'after'.");
    }
}
