package dev.worklens.devtrack.sheet;

import java.util.Locale;

/** Skill names compare ignoring case, surrounding space and a trailing period. */
public final class SkillNames {

    private SkillNames() {}

    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String s = name.strip().replaceAll("\\s+", " ");
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * Notes compare line by line, ignoring line endings, space at either end of a line, and blank
     * lines before, after or repeated between groups: one blank line between groups still counts.
     */
    public static String noteKey(String note) {
        if (note == null) {
            return "";
        }
        return note.strip()
                .lines()
                .map(String::strip)
                .collect(java.util.stream.Collectors.joining("\n"))
                .replaceAll("\n{3,}", "\n\n");
    }
}
