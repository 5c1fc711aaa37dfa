package dev.worklens.report.core;

import dev.worklens.activity.UnitKind;
import dev.worklens.system.web.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Which work units the activity feed shows; a null field means any. */
public record ActivityFilter(String source, String kind, String category) {

    public static final ActivityFilter ANY = new ActivityFilter(null, null, null);
    public static final List<String> KINDS =
            Arrays.stream(UnitKind.values()).map(UnitKind::code).toList();

    /** Reads query parameters, refusing values no unit can have so a typo is not an empty feed. */
    public static ActivityFilter parse(String source, String type, String category) {
        return new ActivityFilter(
                one("source", source, ActivityTally.SOURCES),
                one("type", type, KINDS),
                one("category", category, ActivityTally.CATEGORIES));
    }

    public boolean isAny() {
        return source == null && kind == null && category == null;
    }

    private static String one(String name, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw ApiException.invalid(
                    name,
                    "'" + ReportPeriod.abbreviate(value) + "' is not a " + name + "; use one of "
                            + String.join(", ", allowed) + ".");
        }
        return v;
    }
}
