package dev.worklens.report.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the report counts from a member's work units in a period (the shared vocabulary's rules).
 *
 * @param categories the member's own units (role authored) per category, every category present
 * @param classifiers how many of those units each classifier labelled, most first
 * @param weeks Monday of each week the period touches, in the report's zone
 * @param perWeek per source, the member's own units in each of {@code weeks}
 */
public record ActivityNumbers(
        Slack slack,
        GitHub github,
        Map<String, Long> categories,
        Map<String, Long> classifiers,
        long total,
        List<LocalDate> weeks,
        Map<String, List<Long>> perWeek) {

    public record Slack(
            long authored, long mentioned, long standups, long threadReplies, Map<String, Long> byChannel) {}

    public record GitHub(long commits, long issues, long reviews, long pullRequests) {}

    /** The classifier that labelled most units, or null when nothing is labelled yet. */
    public String mainClassifier() {
        return classifiers.isEmpty() ? null : classifiers.keySet().iterator().next();
    }
}
