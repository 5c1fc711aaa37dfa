package dev.worklens.devtrack.sheet;

import java.util.List;
import java.util.Optional;

/**
 * One person's tab, parsed: level blocks (column A integer starts one, B its title) and the skills
 * in columns C (technical) and D (soft). Rows are 0-based grid rows.
 *
 * @param fingerprint a hash of every value, note and colour in the tab, to tell whether it changed
 */
public record TrackTab(
        int sheetId, String title, List<Level> levels, List<SheetSkill> skills, int dataRows, String fingerprint) {

    public static final int TECHNICAL_COLUMN = 2;
    public static final int SOFT_COLUMN = 3;

    public record Level(int level, String title, int firstRow, int lastRow) {}

    public record SheetSkill(
            String name, String column, int level, SkillStatus status, String note, int row, int columnIndex) {}

    /** The cell of a skill by level, column and name: the same name at two levels is two skills. */
    public Optional<SheetSkill> skill(int level, String column, String name) {
        String key = SkillNames.key(name);
        return skills.stream()
                .filter(s -> s.level() == level
                        && s.column().equals(column)
                        && SkillNames.key(s.name()).equals(key))
                .findFirst();
    }

    public Optional<Level> level(int level) {
        return levels.stream().filter(l -> l.level() == level).findFirst();
    }

    public static int columnIndex(String column) {
        return "soft".equals(column) ? SOFT_COLUMN : TECHNICAL_COLUMN;
    }
}
