package dev.worklens.report.core;

import dev.worklens.activity.WrittenUnits;
import dev.worklens.activity.WrittenUnits.After;
import dev.worklens.activity.WrittenUnits.Written;
import dev.worklens.slack.SlackMarkup;
import dev.worklens.system.web.ApiException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a member wrote, ready to show (PRODUCT.md §8): standups and Slack messages by channel, each
 * with its full text rendered from Slack markup. Pages are keyset-paged, so a report over a year
 * renders one page of bodies, not all of them.
 */
@Component
public class Writing {

    public static final int STANDUPS_PAGE = 20;
    public static final int MESSAGES_PAGE = 25;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final WrittenUnits units;
    private final java.time.Clock clock;
    private final ZoneId reportZone;

    Writing(WrittenUnits units, java.time.Clock clock, dev.worklens.system.Settings settings) {
        this.units = units;
        this.clock = clock;
        this.reportZone = settings.app().reportTimezone();
    }

    /** What the share summary needs beyond the report: today in REPORT_TIMEZONE, recent standups. */
    public ShareSummary.Extras summaryExtras(long memberId, ReportPeriod period) {
        List<StandupDigest.Standup> standups = new ArrayList<>();
        java.util.Set<java.time.LocalDate> days = new java.util.HashSet<>();
        After after = null;
        // pages until a sixth day shows up; a cap keeps a pathological range from reading everything
        for (int page = 0; page < 10 && days.size() <= StandupDigest.DAYS; page++) {
            List<Written> rows = units.standups(memberId, period.start(), period.end(), after, 100);
            for (Written w : rows) {
                standups.add(new StandupDigest.Standup(w.at(), w.body()));
                days.add(w.at().atZone(period.zone()).toLocalDate());
            }
            if (rows.size() < 100) {
                break;
            }
            Written last = rows.get(rows.size() - 1);
            after = new After(last.at(), last.id());
        }
        return new ShareSummary.Extras(
                java.time.LocalDate.now(clock.withZone(reportZone)), StandupDigest.of(standups, period.zone()));
    }

    /** A file attached to a message. */
    public record FileLink(String name, String url) {}

    /**
     * One standup or message as shown: {@code html} is sanitized, {@code text} plain.
     *
     * @param localTime the time in the report's zone, for people
     */
    public record Shown(
            long id,
            String kind,
            String role,
            java.time.Instant at,
            String localTime,
            String channel,
            String url,
            String author,
            String html,
            String text,
            boolean threadReply,
            String parentTitle,
            List<FileLink> files) {}

    public record Page(List<Shown> items, String next) {}

    /** The Slack messages section: counts per channel and one page of the chosen channel. */
    public record Messages(Map<String, Long> channels, String channel, Page page) {}

    public Page standups(long memberId, ReportPeriod period, String after, int limit) {
        int size = Math.max(1, Math.min(limit, 200));
        List<Written> rows = units.standups(memberId, period.start(), period.end(), position(after), size + 1);
        return page(rows, size, period.zone());
    }

    /** @param channel the channel to page; null or unknown → the channel with most messages */
    public Messages messages(long memberId, ReportPeriod period, String channel, String after) {
        Map<String, Long> channels = units.messageChannels(memberId, period.start(), period.end());
        if (channels.isEmpty()) {
            return new Messages(channels, null, new Page(List.of(), null));
        }
        String shown = channel != null && channels.containsKey(channel)
                ? channel
                : channels.keySet().iterator().next();
        After position = shown.equals(channel) ? position(after) : null;
        List<Written> rows = units.messages(memberId, period.start(), period.end(), shown, position, MESSAGES_PAGE + 1);
        return new Messages(channels, shown, page(rows, MESSAGES_PAGE, period.zone()));
    }

    private static Page page(List<Written> rows, int size, ZoneId zone) {
        List<Shown> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(size, rows.size()); i++) {
            shown.add(show(rows.get(i), zone));
        }
        String next = null;
        if (rows.size() > size) {
            Written last = rows.get(size - 1);
            next = new ActivityCursor(last.at(), last.id()).encode();
        }
        return new Page(List.copyOf(shown), next);
    }

    static Shown show(Written w, ZoneId zone) {
        String body = w.body() == null ? "" : w.body();
        return new Shown(
                w.id(),
                w.kind().code(),
                w.role(),
                w.at(),
                LOCAL.format(w.at().atZone(zone)),
                w.channel(),
                safeLink(w.url()),
                w.author(),
                SlackMarkup.html(body),
                SlackMarkup.plain(body),
                w.threadReply(),
                w.parentTitle(),
                files(w.files()));
    }

    private static List<FileLink> files(String lines) {
        if (lines == null || lines.isBlank()) {
            return List.of();
        }
        List<FileLink> files = new ArrayList<>();
        for (String line : lines.split("\n")) {
            int tab = line.indexOf('\t');
            String url = tab < 0 ? null : safeLink(line.substring(tab + 1).strip());
            if (url != null) {
                files.add(new FileLink(line.substring(0, tab), url));
            }
        }
        return files;
    }

    /** Only web links leave the page: a stored URL with another scheme is shown as no link. */
    private static String safeLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    private static After position(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            ActivityCursor c = ActivityCursor.decode(after);
            return new After(c.at(), c.id());
        } catch (ApiException e) {
            throw ApiException.invalid(
                    "cursor", "The standup or message cursor is not one this server gave out; start again without it.");
        }
    }
}
