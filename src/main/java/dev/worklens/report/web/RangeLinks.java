package dev.worklens.report.web;

import dev.worklens.report.core.ReportPeriod;
import java.time.LocalDate;
import java.util.List;

/** The range picker: last 7/30/90 days and 6 months as links, and the custom dates of the current period. */
record RangeLinks(List<Choice> choices, String base, String from, String to, boolean custom) {

    record Choice(String label, String href, boolean active) {}

    static RangeLinks of(ReportPeriod period, LocalDate today, String base) {
        boolean endsToday = period.to().equals(today);
        List<Choice> choices = new java.util.ArrayList<>(List.of(7, 30, 90).stream()
                .map(d -> new Choice("Last " + d + " days", base + "?days=" + d, endsToday && period.days() == d))
                .toList());
        // calendar months, not 180 days: "since 21 May" when today is 20 November
        LocalDate sixMonths = today.minusMonths(6).plusDays(1);
        choices.add(new Choice(
                "Last 6 months",
                base + "?from=" + sixMonths + "&to=" + today,
                endsToday && period.from().equals(sixMonths)));
        boolean custom = choices.stream().noneMatch(Choice::active);
        return new RangeLinks(
                List.copyOf(choices),
                base,
                period.from().toString(),
                period.to().toString(),
                custom);
    }

    /** The range as query parameters, for links that keep it. */
    String query() {
        return "from=" + from + "&to=" + to;
    }
}
