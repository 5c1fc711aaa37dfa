package dev.worklens.system;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Channel-name patterns as a person types them: separated by commas or new lines, an optional
 * leading {@code #}, {@code *} and {@code ?} as wildcards, case ignored. Length and count are capped
 * so that a form or a setting cannot make matching expensive; {@link #parse} names what is wrong.
 */
public record GlobList(List<Glob> globs) {

    /** Slack channel names have at most 80 characters; a pattern needs no more than that plus wildcards. */
    public static final int MAX_PATTERN_LENGTH = 100;

    public static final int MAX_PATTERNS = 50;

    public static final GlobList NONE = new GlobList(List.of());

    public GlobList {
        globs = List.copyOf(globs);
    }

    /** @throws InvalidGlobsException with words a person can act on */
    public static GlobList parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<String> problems = new ArrayList<>();
        Set<String> patterns = new LinkedHashSet<>();
        for (String raw : text.split("[,\\n]")) {
            String pattern = raw.strip();
            if (pattern.startsWith("#")) {
                pattern = pattern.substring(1);
            }
            if (pattern.isEmpty()) {
                continue;
            }
            String problem = problem(pattern);
            if (problem != null) {
                problems.add(problem);
            } else {
                patterns.add(pattern);
            }
        }
        if (patterns.size() > MAX_PATTERNS) {
            problems.add("at most " + MAX_PATTERNS + " patterns are allowed (there are " + patterns.size() + ")");
        }
        if (!problems.isEmpty()) {
            throw new InvalidGlobsException(problems);
        }
        return new GlobList(patterns.stream().map(Glob::of).toList());
    }

    /**
     * For patterns stored before the caps existed: keeps the valid ones, up to the cap, so a stored
     * value never stops a sync.
     */
    public static GlobList parseLeniently(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Set<String> patterns = new LinkedHashSet<>();
        for (String raw : text.split("[,\\n]")) {
            String pattern = raw.strip();
            if (pattern.startsWith("#")) {
                pattern = pattern.substring(1);
            }
            if (!pattern.isEmpty() && problem(pattern) == null && patterns.size() < MAX_PATTERNS) {
                patterns.add(pattern);
            }
        }
        return new GlobList(patterns.stream().map(Glob::of).toList());
    }

    public boolean matchesAny(String name) {
        for (Glob glob : globs) {
            if (glob.matches(name)) {
                return true;
            }
        }
        return false;
    }

    public List<String> patterns() {
        return globs.stream().map(Glob::pattern).toList();
    }

    public String text() {
        return String.join(", ", patterns());
    }

    public boolean isEmpty() {
        return globs.isEmpty();
    }

    private static String problem(String pattern) {
        String shown = pattern.length() > 40 ? pattern.substring(0, 40) + "…" : pattern;
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            return "'" + shown + "' is longer than " + MAX_PATTERN_LENGTH + " characters";
        }
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '*' || c == '?')) {
                return "'" + shown + "' holds '" + c + "': use channel-name characters (letters, digits, - _ .)"
                        + " with * for any run of characters and ? for one";
            }
        }
        return null;
    }

    /** Patterns a person typed that cannot be used, each problem in words. */
    public static class InvalidGlobsException extends IllegalArgumentException {

        private final List<String> problems;

        InvalidGlobsException(List<String> problems) {
            super("Channel patterns: " + String.join("; ", problems) + ".");
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
