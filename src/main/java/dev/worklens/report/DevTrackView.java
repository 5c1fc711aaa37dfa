package dev.worklens.report;

import java.util.List;

/**
 * A member's career-track panel as the report shows it. {@code error} holds words a manager can
 * act on (no tab found, permission denied, bad credentials, ambiguous tab) and then the rest is empty.
 *
 * @param level the latest working level: the highest level with any coloured skill
 * @param levels every level block of the tab with its title, in the tab's order
 */
public record DevTrackView(
        String tab, Integer level, String levelTitle, String error, List<Skill> skills, List<Level> levels) {

    /**
     * @param status vetted, in_progress, proposed, focus or not_started
     * @param column technical or soft
     */
    public record Skill(String name, String column, int level, String status, String note) {}

    public record Level(int level, String title) {}

    public DevTrackView(String tab, Integer level, String levelTitle, String error, List<Skill> skills) {
        this(tab, level, levelTitle, error, skills, List.of());
    }

    public static DevTrackView error(String message) {
        return new DevTrackView(null, null, null, message, List.of(), List.of());
    }
}
