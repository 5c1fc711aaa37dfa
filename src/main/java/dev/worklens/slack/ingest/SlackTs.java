package dev.worklens.slack.ingest;

import java.time.Instant;

/**
 * Slack's message ids are times: {@code "1700000000.000100"} is seconds and microseconds. With ten
 * integer digits (2001–2286) they sort as strings, which the SQL queries rely on.
 */
public final class SlackTs {

    private SlackTs() {}

    public static Instant instant(String ts) {
        int dot = ts.indexOf('.');
        if (dot < 0) {
            return Instant.ofEpochSecond(Long.parseLong(ts));
        }
        String micros = (ts.substring(dot + 1) + "000000").substring(0, 6);
        return Instant.ofEpochSecond(Long.parseLong(ts.substring(0, dot)), Long.parseLong(micros) * 1000L);
    }

    public static String of(Instant instant) {
        return String.format("%d.%06d", instant.getEpochSecond(), instant.getNano() / 1000);
    }

    public static String max(String a, String b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) >= 0 ? a : b;
    }
}
