package dev.worklens.devtrack.notion;

import dev.worklens.devtrack.sheet.SkillNames;
import java.util.List;

/**
 * A developer's page, parsed: skills per level and kind, and the Focus Areas list if the page has
 * one.
 */
public record NotionTrack(List<Skill> skills, FocusArea focus) {

    /**
     * @param note the cell note built from the objectives: {@code - objective} lines, each followed by
     *     {@code + text} lines for what is nested under it, groups apart by a blank line; empty when the
     *     skill has no objectives, which leaves the cell's note as it is
     */
    public record Skill(
            String name, String column, int level, String levelTitle, List<Objective> objectives, String note) {

        /** Level, column and name: the same name at two levels is two skills. */
        public String key() {
            return level + "|" + column + "|" + SkillNames.key(name);
        }
    }

    /**
     * The {@code ## Focus Areas} heading and its bullets. For a toggle heading the bullets are its
     * children ({@code container} is the heading); else they follow it in {@code container}.
     */
    public record FocusArea(String headingId, String container, boolean toggle, List<Bullet> bullets) {}

    public record Bullet(String id, String text) {}
}
