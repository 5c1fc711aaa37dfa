package dev.worklens.devtrack.preview;

import dev.worklens.devtrack.notion.NotionTrack;
import dev.worklens.devtrack.notion.ObjectiveRules;
import dev.worklens.devtrack.sheet.SkillNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the Focus Areas list changes: bullets for skills newly in focus are added in skill order
 * (after the last skill bullet that stays, else first inside a toggle heading or right under a plain
 * one); bullets for skills no longer in focus are removed; bullets naming no skill stay.
 *
 * @param parentId the block the new bullets go into (the toggle heading, or the heading's parent)
 * @param afterBlockId the block they follow; null means the start of a toggle heading
 * @param removeIds the bullet blocks to delete, in {@code remove} order
 */
public record FocusPlan(
        String parentId, String afterBlockId, List<String> add, List<String> remove, List<String> removeIds) {

    static final FocusPlan NONE = new FocusPlan(null, null, List.of(), List.of(), List.of());

    public boolean isEmpty() {
        return add.isEmpty() && removeIds.isEmpty();
    }

    static FocusPlan of(NotionTrack track) {
        NotionTrack.FocusArea area = track.focus();
        if (area == null) {
            return NONE; // the page has no Focus Areas heading to keep in step
        }
        Set<String> skillKeys = new LinkedHashSet<>();
        Set<String> focusKeys = new LinkedHashSet<>();
        List<String> focusNames = new ArrayList<>();
        for (NotionTrack.Skill skill : track.skills()) {
            String key = SkillNames.key(skill.name());
            skillKeys.add(key);
            if (ObjectiveRules.inFocus(skill.objectives()) && focusKeys.add(key)) {
                focusNames.add(skill.name());
            }
        }
        Set<String> bulleted = new LinkedHashSet<>();
        List<String> remove = new ArrayList<>();
        List<String> removeIds = new ArrayList<>();
        String after = area.toggle() ? null : area.headingId();
        for (NotionTrack.Bullet bullet : area.bullets()) {
            String key = SkillNames.key(bullet.text());
            if (!skillKeys.contains(key)) {
                continue; // written by a person: stays where it is
            }
            if (focusKeys.contains(key) && bulleted.add(key)) {
                after = bullet.id();
            } else {
                remove.add(bullet.text());
                removeIds.add(bullet.id());
            }
        }
        List<String> add = focusNames.stream()
                .filter(n -> !bulleted.contains(SkillNames.key(n)))
                .toList();
        return new FocusPlan(area.container(), after, add, List.copyOf(remove), List.copyOf(removeIds));
    }

    /** Words for a page whose skills are in focus but that has no Focus Areas heading to list them. */
    static String missingHeadingWarning(NotionTrack track) {
        if (track.focus() != null) {
            return null;
        }
        List<String> inFocus = track.skills().stream()
                .filter(s -> ObjectiveRules.inFocus(s.objectives()))
                .map(NotionTrack.Skill::name)
                .distinct()
                .toList();
        if (inFocus.isEmpty()) {
            return null;
        }
        return "This page has no Focus Areas heading, but " + inFocus.size() + " skill"
                + (inFocus.size() == 1 ? " is" : "s are") + " in focus (" + String.join(", ", inFocus)
                + "): add a '## Focus Areas' heading to the page to keep the list in step.";
    }
}
