package dev.worklens.devtrack.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.devtrack.notion.NotionTrack;
import dev.worklens.devtrack.notion.Objective;
import dev.worklens.devtrack.sheet.SkillStatus;
import dev.worklens.devtrack.sheet.TrackTab;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Diff of a Notion page against its tab, and the Focus Areas plan")
class SkillDiffTest {

    static final TrackTab TAB = new TrackTab(
            7,
            "Don Vo",
            List.of(new TrackTab.Level(1, "Junior", 1, 3), new TrackTab.Level(2, "Mid", 4, 4)),
            List.of(
                    new TrackTab.SheetSkill("Unit testing.", "technical", 1, SkillStatus.FOCUS, "", 1, 2),
                    new TrackTab.SheetSkill("Code review", "technical", 1, SkillStatus.VETTED, "old note", 2, 2),
                    new TrackTab.SheetSkill("Communication", "soft", 1, SkillStatus.IN_PROGRESS, "", 1, 3),
                    new TrackTab.SheetSkill("Sheet only", "technical", 2, SkillStatus.PROPOSED, "", 4, 2)),
            5,
            "fp");

    static NotionTrack.Skill skill(String name, String column, int level, List<Objective> objectives, String... note) {
        return new NotionTrack.Skill(name, column, level, "", objectives, String.join("\n", note));
    }

    @Test
    @DisplayName("status changes, note changes (Notion wins), added skills; Sheet-only skills left alone")
    void changes() {
        var track = new NotionTrack(
                List.of(
                        skill("  unit TESTING ", "technical", 1, List.of(new Objective("Working on TDD", false))),
                        skill(
                                "Code review",
                                "technical",
                                1,
                                List.of(new Objective("Leading reviews", false)),
                                "new note"),
                        skill("Communication", "soft", 1, List.of(new Objective("Demo", true))),
                        skill(
                                "Observability",
                                "technical",
                                2,
                                List.of(new Objective("New objective: dashboards", false))),
                        skill("Unchanged", "soft", 3, List.of())),
                null);
        assertThat(SkillDiff.changes(track, TAB))
                .containsExactly(
                        new SkillChange(1, "technical", "Unit testing.", "focus", "in_progress", null, null, false),
                        new SkillChange(
                                1, "technical", "Code review", "vetted", "in_progress", "old note", "new note", false),
                        new SkillChange(1, "soft", "Communication", "in_progress", "not_started", null, null, false),
                        new SkillChange(2, "technical", "Observability", null, "focus", null, null, true),
                        new SkillChange(3, "soft", "Unchanged", null, "not_started", null, null, true));
    }

    @Test
    @DisplayName("nothing to change when Sheet and Notion agree")
    void noChanges() {
        var track = new NotionTrack(
                List.of(skill("Code review", "technical", 1, List.of(new Objective("Ship it", false)), "old note")),
                null);
        assertThat(SkillDiff.changes(track, TAB)).isEmpty();
    }

    @Test
    @DisplayName(
            "Focus Areas: add newly focused skills in skill order after the last kept one, remove stale, keep a person's")
    void focusPlan() {
        var track = new NotionTrack(
                List.of(
                        skill("Alpha", "technical", 1, List.of(new Objective("Working on a", false))),
                        skill("Beta", "technical", 1, List.of(new Objective("Working on b", true))),
                        skill("Gamma", "technical", 1, List.of(new Objective("New objective: c", false))),
                        skill("Delta", "soft", 1, List.of(new Objective("In-review: d", false)))),
                new NotionTrack.FocusArea(
                        "heading",
                        "page",
                        false,
                        List.of(
                                new NotionTrack.Bullet("x1", "Beta."),
                                new NotionTrack.Bullet("x2", "Talk to Mia about conferences"),
                                new NotionTrack.Bullet("x3", "gamma"))));
        FocusPlan plan = FocusPlan.of(track);
        assertThat(plan.add()).containsExactly("Alpha", "Delta");
        assertThat(plan.remove()).containsExactly("Beta.");
        assertThat(plan.removeIds()).containsExactly("x1");
        assertThat(plan.parentId()).isEqualTo("page");
        assertThat(plan.afterBlockId()).isEqualTo("x3");
    }

    @Test
    @DisplayName(
            "into a toggle heading with no kept skill bullet the new bullets go first; under a plain one, right after it")
    void focusPositions() {
        var skills = List.of(skill("Alpha", "technical", 1, List.of(new Objective("Working on a", false))));
        var toggle = FocusPlan.of(new NotionTrack(skills, new NotionTrack.FocusArea("h", "h", true, List.of())));
        assertThat(toggle.parentId()).isEqualTo("h");
        assertThat(toggle.afterBlockId()).isNull();
        var plain = FocusPlan.of(new NotionTrack(skills, new NotionTrack.FocusArea("h", "page", false, List.of())));
        assertThat(plain.parentId()).isEqualTo("page");
        assertThat(plain.afterBlockId()).isEqualTo("h");
        assertThat(FocusPlan.of(new NotionTrack(skills, null)).isEmpty()).isTrue();
    }

    @Test
    @DisplayName("sheet writes: changed cells, free cells in the level block, inserted rows, new level blocks appended")
    void writes() {
        var track = new NotionTrack(
                List.of(
                        skill("Unit testing", "technical", 1, List.of(new Objective("Working on TDD", false))),
                        skill("T1", "technical", 1, List.of()),
                        skill("T2", "technical", 1, List.of()),
                        skill("S1", "soft", 1, List.of()),
                        skill("New level skill", "soft", 4, List.of())),
                null);
        var requests = SheetWrites.requests(TAB, track, SkillDiff.changes(track, TAB));
        // Unit testing recoloured; T1 into the free C cell of row 3; T2 needs a row inserted after row 3;
        // S1 into the free D cell of row 2; level 4 appended as a new block
        assertThat(requests).hasSize(6);
        assertThat(requests.get(0).getUpdateCells().getStart().getRowIndex()).isEqualTo(1);
        assertThat(requests.get(0).getUpdateCells().getFields()).isEqualTo("userEnteredFormat.backgroundColorStyle");
        assertThat(requests.get(1).getInsertDimension().getRange().getStartIndex())
                .isEqualTo(4);
        assertThat(requests.get(2).getUpdateCells().getStart().getRowIndex()).isEqualTo(3);
        assertThat(requests.get(3).getUpdateCells().getStart().getRowIndex()).isEqualTo(4);
        assertThat(requests.get(4).getUpdateCells().getStart().getColumnIndex()).isEqualTo(3);
        assertThat(requests.get(4).getUpdateCells().getStart().getRowIndex()).isEqualTo(2);
        var appended = requests.get(5).getAppendCells().getRows().get(0).getValues();
        assertThat(appended.get(0).getUserEnteredValue().getNumberValue()).isEqualTo(4.0);
        assertThat(appended.get(3).getUserEnteredValue().getStringValue()).isEqualTo("New level skill");
    }

    @Test
    @DisplayName("matching is by level, column and name: the same name at two levels is two skills")
    void levelAware() {
        var tab = new TrackTab(
                7,
                "Don Vo",
                List.of(new TrackTab.Level(1, "Junior", 1, 1), new TrackTab.Level(2, "Mid", 2, 2)),
                List.of(
                        new TrackTab.SheetSkill("Code review", "technical", 1, SkillStatus.VETTED, "", 1, 2),
                        new TrackTab.SheetSkill("Code review.", "technical", 2, SkillStatus.NOT_STARTED, "", 2, 2),
                        new TrackTab.SheetSkill("Mentoring", "soft", 2, SkillStatus.NOT_STARTED, "", 2, 3)),
                3,
                "fp");
        var track = new NotionTrack(
                List.of(
                        skill("Code review", "technical", 1, List.of(new Objective("Ship it", true))),
                        skill(" code REVIEW ", "technical", 2, List.of(new Objective("Leading reviews", false))),
                        skill("Mentoring", "technical", 2, List.of())),
                null);
        var changes = SkillDiff.changes(track, tab);
        assertThat(changes)
                .containsExactly(
                        new SkillChange(
                                2, "technical", "Code review.", "not_started", "in_progress", null, null, false),
                        new SkillChange(2, "technical", "Mentoring", null, "not_started", null, null, true));
        var update = SheetWrites.requests(tab, track, changes).get(0).getUpdateCells();
        assertThat(update.getStart().getRowIndex())
                .as("the level 2 cell, not level 1's")
                .isEqualTo(2);
    }

    @Test
    @DisplayName(
            "a note is never cleared: no objectives keeps the cell's note, and no write names the note field empty")
    void notesNeverCleared() {
        var track = new NotionTrack(
                List.of(
                        skill("Code review", "technical", 1, List.of()),
                        skill("Unit testing", "technical", 1, List.of(new Objective("Working on TDD", false))),
                        skill("Brand new", "technical", 1, List.of())),
                null);
        var changes = SkillDiff.changes(track, TAB);
        assertThat(changes).noneMatch(c -> c.skill().equals("Code review"));
        var requests = SheetWrites.requests(TAB, track, changes);
        for (var request : requests) {
            var cells = request.getUpdateCells();
            if (cells == null) {
                continue;
            }
            var cell = cells.getRows().get(0).getValues().get(0);
            if (cells.getFields().contains("note")) {
                assertThat(cell.getNote()).isNotBlank();
            }
        }
        var brandNew = requests.stream()
                .map(r -> r.getUpdateCells())
                .filter(u -> u != null && u.getRows().get(0).getValues().get(0).getUserEnteredValue() != null)
                .filter(u -> "Brand new"
                        .equals(u.getRows()
                                .get(0)
                                .getValues()
                                .get(0)
                                .getUserEnteredValue()
                                .getStringValue()))
                .toList();
        assertThat(brandNew)
                .singleElement()
                .satisfies(u -> assertThat(u.getFields()).doesNotContain("note"));
    }

    @Test
    @DisplayName("notes differing only in line endings or edge space are the same; a changed grouping is a change")
    void noteComparison() {
        var objectives = List.of(new Objective("Ship it", false));
        var cell = new TrackTab.SheetSkill("Code review", "technical", 1, SkillStatus.VETTED, "", 2, 2);
        var sameTab = new TrackTab(7, "t", TAB.levels(), List.of(withNote(cell, "- a \r\n+ b\r\n\r\n- c")), 5, "fp");
        var track = new NotionTrack(List.of(skill("Code review", "technical", 1, objectives, "- a\n+ b\n\n- c")), null);
        assertThat(SkillDiff.changes(track, sameTab)).isEmpty();
        var regrouped = new TrackTab(7, "t", TAB.levels(), List.of(withNote(cell, "- a\n+ b\n- c")), 5, "fp");
        assertThat(SkillDiff.changes(track, regrouped))
                .singleElement()
                .satisfies(c -> assertThat(c.toNote()).isEqualTo("- a\n+ b\n\n- c"));
    }

    static TrackTab.SheetSkill withNote(TrackTab.SheetSkill s, String note) {
        return new TrackTab.SheetSkill(s.name(), s.column(), s.level(), s.status(), note, s.row(), s.columnIndex());
    }

    @Test
    @DisplayName("colours are written exactly as the palette: #d9ead3, #c9daf8, #d9d2e9, #fff2cc, #ffffff")
    void palette() {
        assertThat(java.util.Arrays.stream(SkillStatus.values()).map(SkillStatus::hex))
                .containsExactly("#d9ead3", "#c9daf8", "#d9d2e9", "#fff2cc", "#ffffff");
        for (SkillStatus status : SkillStatus.values()) {
            var rgb = SheetWrites.format(status).getBackgroundColorStyle().getRgbColor();
            String written = String.format(
                    "#%02x%02x%02x",
                    Math.round(rgb.getRed() * 255), Math.round(rgb.getGreen() * 255), Math.round(rgb.getBlue() * 255));
            assertThat(written).isEqualTo(status.hex());
            assertThat(SkillStatus.ofColour(rgb.getRed(), rgb.getGreen(), rgb.getBlue()))
                    .as("the palette reads back by hue as the status it was written for")
                    .isEqualTo(status);
        }
    }
}
