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

    /** Notes compare line by line, ignoring surrounding space and blank lines. */
    public static String noteKey(String note) {
        if (note == null) {
            return "";
        }
        return note.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }
}
