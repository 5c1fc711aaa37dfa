package dev.worklens.report;

import java.util.List;

/**
 * A member's career-track panel as the report shows it. {@code error} holds words a manager can
 * act on (no tab found, permission denied, bad credentials, ambiguous tab) and then the rest is empty.
 *
 * @param status of a skill: vetted, in_progress, proposed, focus or not_started
 * @param column of a skill: technical or soft
 */
public record DevTrackView(String tab, Integer level, String levelTitle, String error, List<Skill> skills) {

    public record Skill(String name, String column, int level, String status, String note) {}

    public static DevTrackView error(String message) {
        return new DevTrackView(null, null, null, message, List.of());
    }
}
