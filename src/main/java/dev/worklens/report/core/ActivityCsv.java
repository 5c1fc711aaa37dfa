package dev.worklens.report.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The activity feed as RFC 4180 CSV, for spreadsheets. */
public final class ActivityCsv {

    static final String HEADER = "at_utc,local_time,source,type,role,category,classifier,channel,repo,title,url";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Writer out;
    private final ZoneId zone;

    public ActivityCsv(Writer out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
        write(HEADER + "\r\n");
    }

    public void row(ActivityItem i) {
        write(String.join(
                        ",",
                        i.at().toString(),
                        LOCAL.format(i.at().atZone(zone)),
                        field(i.source()),
                        field(i.type()),
                        field(i.role()),
                        field(i.category()),
                        field(i.classifier()),
                        field(i.channel()),
                        field(i.repo()),
                        field(i.title()),
                        field(i.url()))
                + "\r\n");
    }

    public static String field(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        // a cell starting with = + - @ is a formula to a spreadsheet; Slack text must not run as one
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0
                || v.indexOf('"') >= 0
                || v.indexOf('\n') >= 0
                || v.indexOf('\r') >= 0
                || !v.equals(value)) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
