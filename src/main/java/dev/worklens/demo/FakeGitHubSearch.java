package dev.worklens.demo;

import dev.worklens.demo.FakeGitHubData.Pull;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The issue-search qualifiers Worklens sends, understood the way GitHub documents them: author,
 * reviewed-by, is/type, and created/merged/updated as {@code A..B}, {@code >=A}, {@code >A},
 * {@code <=B}, {@code <B} over dates or {@code YYYY-MM-DDTHH:MM:SS+00:00} times. A qualifier or
 * time it does not know is refused, because that would be a bug in the client.
 */
final class FakeGitHubSearch {

    private FakeGitHubSearch() {}

    /** The {@code author:} of a query, or null. */
    static String author(String q) {
        for (String term : q.trim().split("\\s+")) {
            if (term.startsWith("author:")) {
                return term.substring("author:".length());
            }
        }
        return null;
    }

    static Predicate<Pull> matcher(String q, FakeGitHubData data) {
        Predicate<Pull> all = pr -> true;
        for (String term : q.trim().split("\\s+")) {
            if (term.isEmpty()) {
                continue;
            }
            int colon = term.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("the fake does not know " + term);
            }
            String name = term.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = term.substring(colon + 1);
            Predicate<Pull> p = switch (name) {
                case "author" -> pr -> pr.author().equalsIgnoreCase(value);
                case "reviewed-by" ->
                    pr -> data.reviews.stream()
                            .anyMatch(r -> r.repo().equals(pr.repo())
                                    && r.number() == pr.number()
                                    && r.reviewer().equalsIgnoreCase(value));
                case "created" -> pr -> inRange(pr.createdAt(), value);
                case "merged" -> pr -> pr.mergedAt() != null && inRange(pr.mergedAt(), value);
                case "updated" -> pr -> inRange(pr.updatedAt(), value);
                case "is", "type" -> {
                    if (!value.equals("pr") && !value.equals("merged")) {
                        throw new IllegalArgumentException("the fake does not know " + term);
                    }
                    yield pr -> value.equals("pr") || pr.mergedAt() != null;
                }
                default -> throw new IllegalArgumentException("the fake does not know " + term);
            };
            all = all.and(p);
        }
        return all;
    }

    /** GitHub's range forms, both ends inclusive; a bare date covers its whole day. */
    static boolean inRange(Instant at, String spec) {
        if (spec.contains("..")) {
            String[] parts = spec.split("\\.\\.", 2);
            return (parts[0].equals("*") || !at.isBefore(lower(parts[0])))
                    && (parts[1].equals("*") || !at.isAfter(upper(parts[1])));
        }
        if (spec.startsWith(">=")) {
            return !at.isBefore(lower(spec.substring(2)));
        }
        if (spec.startsWith(">")) {
            return at.isAfter(upper(spec.substring(1)));
        }
        if (spec.startsWith("<=")) {
            return !at.isAfter(upper(spec.substring(2)));
        }
        if (spec.startsWith("<")) {
            return at.isBefore(lower(spec.substring(1)));
        }
        return !at.isBefore(lower(spec)) && !at.isAfter(upper(spec));
    }

    private static Instant lower(String value) {
        return value.length() == 10
                ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                : time(value);
    }

    private static Instant upper(String value) {
        return value.length() == 10
                ? LocalDate.parse(value)
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .minusNanos(1)
                : time(value);
    }

    /** GitHub documents {@code YYYY-MM-DDTHH:MM:SS+00:00}; anything else is a bug in the client. */
    private static Instant time(String value) {
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}([+-]\\d{2}:\\d{2}|Z)")) {
            throw new IllegalArgumentException("not a documented search time: " + value);
        }
        return java.time.OffsetDateTime.parse(value).toInstant();
    }
}
