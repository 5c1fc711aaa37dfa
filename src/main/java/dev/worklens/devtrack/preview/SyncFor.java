package dev.worklens.devtrack.preview;

import dev.worklens.system.web.ApiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whose pages a preview reads: {@code me}, {@code team} (the roster without the operator), {@code
 * all} (the whole roster), chosen member ids, or {@code everyone} (every roster and pages that match
 * nobody; WORKLENS_ADMINS only). Stored with the preview so Apply can preview the same people again.
 */
public record SyncFor(String spec, List<Long> memberIds) {

    public static final SyncFor ALL = new SyncFor("all", List.of());
    static final List<String> NAMED = List.of("me", "team", "all", "everyone");

    public boolean everyone() {
        return spec.equals("everyone");
    }

    public boolean chosen() {
        return spec.equals("members");
    }

    /** What the API and the page send: a name, a comma list of ids, or a JSON list of ids; none means all. */
    public static SyncFor parse(Object members) {
        if (members == null || (members instanceof String s && s.isBlank())) {
            return ALL;
        }
        if (members instanceof String s) {
            String name = s.strip().toLowerCase(Locale.ROOT);
            if (NAMED.contains(name)) {
                return new SyncFor(name, List.of());
            }
            return ids(Arrays.asList(s.split(",")));
        }
        if (members instanceof List<?> list) {
            return ids(list);
        }
        throw invalid();
    }

    /** The stored form, read back. */
    public static SyncFor stored(String spec) {
        return spec == null ? ALL : parse(spec);
    }

    /** What {@link #stored} reads back. */
    public String asStored() {
        return chosen()
                ? String.join(",", memberIds.stream().map(String::valueOf).toList())
                : spec;
    }

    private static SyncFor ids(List<?> values) {
        List<Long> ids = new ArrayList<>();
        for (Object value : values) {
            String text = String.valueOf(value).strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(text));
            } catch (NumberFormatException e) {
                throw invalid();
            }
        }
        if (ids.isEmpty()) {
            throw ApiException.invalid("members", "No member chosen: tick at least one member, or pick me or my team.");
        }
        return new SyncFor("members", List.copyOf(ids));
    }

    private static ApiException invalid() {
        return ApiException.invalid(
                "members",
                "'members' must be \"me\", \"team\", \"all\", \"everyone\" (admins) or a list of member ids.");
    }
}
