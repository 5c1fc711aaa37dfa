package dev.worklens.devtrack.notion;

import java.util.List;

/**
 * A developer's page, parsed: skills per level and kind, and the Focus Areas list if the page has
 * one.
 */
public record NotionTrack(List<Skill> skills, FocusArea focus) {

    public record Skill(
            String name, String column, int level, String levelTitle, List<Objective> objectives, List<String> notes) {

        public String note() {
            return String.join("\n", notes);
        }
    }

    /**
     * The {@code ## Focus Areas} heading and its bullets. For a toggle heading the bullets are its
     * children ({@code container} is the heading); else they follow it in {@code container}.
     */
    public record FocusArea(String headingId, String container, boolean toggle, List<Bullet> bullets) {}

    public record Bullet(String id, String text) {}
}
