package dev.worklens.report.web;

import dev.worklens.report.core.ActivityFilter;
import dev.worklens.report.core.Report;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/** What the member page needs beyond the report itself: chart data, links that keep the filters, formats. */
final class ReportView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Report report;
    private final ActivityFilter filter;
    private final RangeLinks range;
    private final ObjectMapper json;

    ReportView(Report report, ActivityFilter filter, RangeLinks range, ObjectMapper json) {
        this.report = report;
        this.filter = filter;
        this.range = range;
        this.json = json;
    }

    public String weeklyChart() {
        var n = report.numbers();
        List<Map<String, Object>> datasets = new ArrayList<>();
        n.perWeek().forEach((source, counts) -> datasets.add(Map.of("label", label(source), "data", counts)));
        return json.writeValueAsString(
                Map.of("labels", n.weeks().stream().map(DAY::format).toList(), "datasets", datasets));
    }

    public String categoryChart() {
        Map<String, Long> nonZero = new LinkedHashMap<>();
        report.numbers().categories().forEach((c, v) -> {
            if (v > 0) {
                nonZero.put(c.replace('_', ' '), v);
            }
        });
        return json.writeValueAsString(Map.of("labels", nonZero.keySet(), "data", nonZero.values()));
    }

    public boolean hasCategories() {
        return report.numbers().categories().values().stream().anyMatch(v -> v > 0);
    }

    public boolean nothingSynced() {
        return report.numbers().total() == 0 && report.pullRequests().isEmpty();
    }

    public List<Map.Entry<String, Long>> channels() {
        return report.numbers().slack().byChannel().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .toList();
    }

    public String when(Instant at) {
        return at == null ? "—" : WHEN.format(at.atZone(report.period().zone()));
    }

    public String day(Instant at) {
        return at == null ? "—" : DAY.format(at.atZone(report.period().zone()));
    }

    public String hours(Double h) {
        if (h == null) {
            return "—";
        }
        return h < 48 ? String.format(Locale.ROOT, "%.1f h", h) : String.format(Locale.ROOT, "%.1f days", h / 24);
    }

    /** The feed with one filter changed (null clears it), the range kept, paging reset. */
    public String filterLink(String name, String value) {
        String source = "source".equals(name) ? value : filter.source();
        String type = "type".equals(name) ? value : filter.kind();
        String category = "category".equals(name) ? value : filter.category();
        return feedLink(source, type, category, null);
    }

    public String nextLink() {
        String next = report.activity().next();
        return next == null ? null : feedLink(filter.source(), filter.kind(), filter.category(), next);
    }

    public String exportLink(String format) {
        return range.base() + "/export?format=" + format + "&" + range.query();
    }

    private String feedLink(String source, String type, String category, String after) {
        var q = new StringBuilder(range.base()).append('?').append(range.query());
        append(q, "source", source);
        append(q, "type", type);
        append(q, "category", category);
        append(q, "after", after);
        return q.append("#activity").toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    static String label(String source) {
        return switch (source) {
            case "slack" -> "Slack";
            case "github" -> "GitHub";
            default -> source;
        };
    }
}
