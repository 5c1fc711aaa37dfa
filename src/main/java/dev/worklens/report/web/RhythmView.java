package dev.worklens.report.web;

import dev.worklens.patterns.Figures;
import dev.worklens.patterns.Rhythm;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/** What the "Working rhythm" panel shows: each figure beside the period before, and the hour-of-week shades. */
public record RhythmView(Rhythm rhythm, List<Row> rows, List<HeatRow> heat) {

    /** One figure; {@code arrow} only says the direction, never good or bad. */
    public record Row(String label, String current, String previous, String arrow, String change, String hint) {}

    public record HeatRow(String day, List<HeatCell> cells) {}

    /**
     * @param style the cell's background: stronger for more events, none for zero
     * @param dark shaded strongly enough that the count is written in white
     */
    public record HeatCell(long count, String style, String title, boolean afterHours, boolean dark) {}

    static RhythmView of(Rhythm r) {
        if (r == null) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        rows.add(row("Activity events", r, Figures::events, "Slack messages, standups, PRs opened, reviews"));
        rows.add(row("After hours", r, Figures::afterHours, "outside working hours or on a non-working day"));
        rows.add(share(r));
        rows.add(row("Late night (00:00–04:59)", r, Figures::lateNight, "events between midnight and 5 am"));
        rows.add(row("Non-working days active", r, Figures::weekendDaysActive, "days off with at least one event"));
        rows.add(row("Active days", r, Figures::activeDays, "days with at least one event"));
        rows.add(row("Longest active streak", r, Figures::longestActiveStreakDays, "consecutive days with events"));
        return new RhythmView(r, rows, heat(r));
    }

    /** Whether there is a period before to compare with: no sync covered it when not. */
    public boolean previousSynced() {
        return rhythm.previous() != null;
    }

    private static Row row(String label, Rhythm r, Function<Figures, Long> figure, String hint) {
        long now = figure.apply(r.current());
        if (r.previous() == null) {
            return new Row(label, Long.toString(now), "—", "", "not synced", hint);
        }
        long before = figure.apply(r.previous());
        return new Row(
                label, Long.toString(now), Long.toString(before), arrow(now, before), change(now - before), hint);
    }

    private static Row share(Rhythm r) {
        double now = r.current().afterHoursShare();
        if (r.previous() == null) {
            return new Row("After-hours share", percent(now), "—", "", "not synced", "of all events");
        }
        double before = r.previous().afterHoursShare();
        long points = Math.round((now - before) * 100);
        return new Row(
                "After-hours share",
                percent(now),
                percent(before),
                arrow(Double.compare(now, before), 0),
                points == 0 ? "same" : (points > 0 ? "+" : "") + points + " pts",
                "of all events");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String arrow(long now, long before) {
        return now > before ? "↑" : now < before ? "↓" : "→";
    }

    private static String change(long delta) {
        return delta == 0 ? "same" : (delta > 0 ? "+" : "") + delta;
    }

    /** "09:00–09:59" for each hour: 168 cells a page each formatted two strings, a tenth of the page's garbage. */
    private static final List<String> HOURS = IntStream.range(0, 24)
            .mapToObj(h -> String.format(Locale.ROOT, "%02d:00–%02d:59", h, h))
            .toList();

    private static List<HeatRow> heat(Rhythm r) {
        long max = Math.max(1, r.busiestHourCount());
        // the shade depends on the count only, and a week holds few distinct counts
        Map<Long, String> styles = new HashMap<>();
        List<HeatRow> rows = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            DayOfWeek day = DayOfWeek.of(d + 1);
            String name = day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            boolean workingDay = r.workWeek().days().contains(day);
            List<HeatCell> cells = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                long n = r.hourOfWeek()[d][h];
                // an hour counts as after hours when it lies wholly outside [start, end)
                boolean after = !workingDay
                        || (h + 1) * 3600 <= r.workWeek().start().toSecondOfDay()
                        || h * 3600 >= r.workWeek().end().toSecondOfDay();
                String style = n == 0
                        ? ""
                        : styles.computeIfAbsent(
                                n,
                                c -> String.format(
                                        Locale.ROOT,
                                        "background-color: rgba(1, 114, 173, %.2f)",
                                        0.15 + 0.85 * c / max));
                String title = name + " " + HOURS.get(h) + ": " + n + (n == 1 ? " event" : " events");
                cells.add(new HeatCell(n, style, title, after, n * 2 > max));
            }
            rows.add(new HeatRow(name, cells));
        }
        return rows;
    }
}
