package dev.worklens.report.web;

import dev.worklens.report.core.ReportPeriod;
import java.time.LocalDate;
import java.util.List;

/** The range picker: last 7/30/90 days as links, and the custom dates of the current period. */
record RangeLinks(List<Choice> choices, String base, String from, String to, boolean custom) {

    record Choice(String label, String href, boolean active) {}

    static RangeLinks of(ReportPeriod period, LocalDate today, String base) {
        boolean endsToday = period.to().equals(today);
        List<Choice> choices = List.of(7, 30, 90).stream()
                .map(d -> new Choice("Last " + d + " days", base + "?days=" + d, endsToday && period.days() == d))
                .toList();
        boolean custom = choices.stream().noneMatch(Choice::active);
        return new RangeLinks(
                choices, base, period.from().toString(), period.to().toString(), custom);
    }

    /** The range as query parameters, for links that keep it. */
    String query() {
        return "from=" + from + "&to=" + to;
    }
}
