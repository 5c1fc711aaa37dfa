package dev.worklens.report.core;

import dev.worklens.slack.SlackMarkup;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The share summary's "Recent standups" (PRODUCT.md §8): the last five days with standups, newest
 * first, each day's answers as bullets — question headers dropped, a line said twice that day kept
 * once, each line at most 200 characters, sub-bullets kept one level deep.
 */
public record StandupDigest(List<Day> days) {

    public static final int DAYS = 5;
    public static final int MAX_LINE = 200;
    public static final StandupDigest NONE = new StandupDigest(List.of());

    /** One answer line; {@code nested} when it was a sub-bullet. */
    public record Line(boolean nested, String text) {}

    public record Day(LocalDate date, List<Line> lines) {}

    /** A standup as the digest needs it: when, and its text as stored (Slack markup). */
    public record Standup(java.time.Instant at, String markup) {}

    /** @param newestFirst standups newest first; only the first five days' are read */
    public static StandupDigest of(List<Standup> newestFirst, ZoneId zone) {
        Map<LocalDate, List<Standup>> byDay = new LinkedHashMap<>();
        for (Standup s : newestFirst) {
            LocalDate day = s.at().atZone(zone).toLocalDate();
            if (!byDay.containsKey(day) && byDay.size() == DAYS) {
                break;
            }
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(s);
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((date, standups) -> {
            Set<String> seen = new LinkedHashSet<>();
            List<Line> lines = new ArrayList<>();
            // within a day, oldest first: the day reads in the order it was written
            for (Standup s : reversed(standups)) {
                for (SlackMarkup.Answer a : SlackMarkup.answers(s.markup())) {
                    String text = cut(a.text().replaceAll("\\s+", " ").strip());
                    if (!text.isEmpty() && seen.add(text.toLowerCase(java.util.Locale.ROOT))) {
                        lines.add(new Line(a.level() > 0, text));
                    }
                }
            }
            if (!lines.isEmpty()) {
                days.add(new Day(date, List.copyOf(lines)));
            }
        });
        return new StandupDigest(List.copyOf(days));
    }

    /** The digest as lines: a dated line per day, then its bullets ("• ", "  ◦ "; "- ", "  - " in Markdown). */
    public List<String> lines(boolean markdown) {
        return lines(markdown, t -> t);
    }

    /** @param escape applied to the standups' own words, so Markdown does not read them as markup */
    public List<String> lines(boolean markdown, java.util.function.UnaryOperator<String> escape) {
        List<String> out = new ArrayList<>();
        for (Day day : days) {
            String date =
                    day.date().getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)
                            + " " + day.date();
            out.add(markdown ? "**" + date + "**" : date + ":");
            for (Line l : day.lines()) {
                String bullet = markdown ? "- " : l.nested() ? "◦ " : "• ";
                out.add((l.nested() ? "  " : "") + bullet + escape.apply(l.text()));
            }
        }
        return out;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static String cut(String text) {
        return text.length() <= MAX_LINE
                ? text
                : text.substring(0, MAX_LINE - 1).stripTrailing() + "…";
    }
}
