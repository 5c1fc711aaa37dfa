package dev.worklens.devtrack.preview;

import dev.worklens.devtrack.notion.NotionTrack;
import dev.worklens.devtrack.notion.ObjectiveRules;
import dev.worklens.devtrack.sheet.SkillNames;
import dev.worklens.devtrack.sheet.SkillStatus;
import dev.worklens.devtrack.sheet.TrackTab;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Notion is the source of truth and the Sheet a snapshot: skills missing from the Sheet are added,
 * statuses follow {@link ObjectiveRules}, differing notes take Notion's, and skills only in the
 * Sheet are left alone.
 */
final class SkillDiff {

    private SkillDiff() {}

    static List<SkillChange> changes(NotionTrack track, TrackTab tab) {
        List<SkillChange> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NotionTrack.Skill skill : track.skills()) {
            if (!seen.add(skill.key())) {
                continue; // the same skill twice at one level of a page: the first one speaks
            }
            // no objectives, no note from Notion: the cell keeps its note, a note is never cleared
            String notionNote = blankToNull(skill.note());
            var existing = tab.skill(skill.level(), skill.column(), skill.name());
            if (existing.isPresent()) {
                var cell = existing.get();
                SkillStatus to = ObjectiveRules.next(skill.objectives(), cell.status());
                boolean noteDiffers =
                        notionNote != null && !SkillNames.noteKey(cell.note()).equals(SkillNames.noteKey(notionNote));
                if (to != cell.status() || noteDiffers) {
                    changes.add(new SkillChange(
                            cell.level(),
                            cell.column(),
                            cell.name(),
                            cell.status().code(),
                            to.code(),
                            noteDiffers ? blankToNull(cell.note()) : null,
                            noteDiffers ? notionNote : null,
                            false));
                }
            } else {
                SkillStatus to = ObjectiveRules.next(skill.objectives(), SkillStatus.NOT_STARTED);
                changes.add(new SkillChange(
                        skill.level(), skill.column(), skill.name(), null, to.code(), null, notionNote, true));
            }
        }
        return changes;
    }

    private static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note;
    }

    /** Level titles Notion gives, for level blocks the Sheet does not have yet. */
    static String levelTitle(NotionTrack track, int level) {
        return track.skills().stream()
                .filter(s -> s.level() == level)
                .map(NotionTrack.Skill::levelTitle)
                .filter(t -> t != null && !t.isBlank())
                .findFirst()
                .orElse("");
    }
}
