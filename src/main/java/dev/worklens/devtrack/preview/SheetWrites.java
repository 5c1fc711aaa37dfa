package dev.worklens.devtrack.preview;

import com.google.api.services.sheets.v4.model.AppendCellsRequest;
import com.google.api.services.sheets.v4.model.CellData;
import com.google.api.services.sheets.v4.model.CellFormat;
import com.google.api.services.sheets.v4.model.Color;
import com.google.api.services.sheets.v4.model.ColorStyle;
import com.google.api.services.sheets.v4.model.DimensionRange;
import com.google.api.services.sheets.v4.model.ExtendedValue;
import com.google.api.services.sheets.v4.model.GridCoordinate;
import com.google.api.services.sheets.v4.model.InsertDimensionRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.RowData;
import com.google.api.services.sheets.v4.model.UpdateCellsRequest;
import dev.worklens.devtrack.notion.NotionTrack;
import dev.worklens.devtrack.sheet.SkillStatus;
import dev.worklens.devtrack.sheet.TrackTab;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns a member's changes into one {@code batchUpdate}: cell writes for changed skills, and for
 * added skills the first free cell of their column in their level block, rows inserted at the
 * block's end when it is full, and new level blocks appended below everything else. Blocks are
 * written bottom-up so an inserted row never shifts a row index still to be written.
 */
final class SheetWrites {

    static final String SKILL_FIELDS = "userEnteredValue,note,userEnteredFormat.backgroundColorStyle";
    static final String SKILL_FIELDS_KEEPING_NOTE = "userEnteredValue,userEnteredFormat.backgroundColorStyle";

    private SheetWrites() {}

    static List<Request> requests(TrackTab tab, NotionTrack track, List<SkillChange> changes) {
        List<Request> requests = new ArrayList<>();
        for (SkillChange change : changes) {
            if (!change.added()) {
                requests.add(update(tab, change));
            }
        }
        Map<Integer, List<SkillChange>> addedByLevel = changes.stream()
                .filter(SkillChange::added)
                .collect(Collectors.groupingBy(SkillChange::level, TreeMap::new, Collectors.toList()));
        List<TrackTab.Level> blocks = tab.levels().stream()
                .filter(l -> addedByLevel.containsKey(l.level()))
                .sorted(Comparator.comparingInt(TrackTab.Level::firstRow).reversed())
                .toList();
        Set<Integer> placed = new HashSet<>();
        for (TrackTab.Level block : blocks) {
            if (placed.add(block.level())) {
                requests.addAll(fill(tab, block, addedByLevel.get(block.level())));
            }
        }
        List<RowData> newRows = new ArrayList<>();
        for (var entry : addedByLevel.entrySet()) {
            if (tab.level(entry.getKey()).isEmpty()) {
                newRows.addAll(newBlock(entry.getKey(), SkillDiff.levelTitle(track, entry.getKey()), entry.getValue()));
            }
        }
        if (!newRows.isEmpty()) {
            requests.add(new Request()
                    .setAppendCells(new AppendCellsRequest()
                            .setSheetId(tab.sheetId())
                            .setRows(newRows)
                            .setFields(SKILL_FIELDS)));
        }
        return requests;
    }

    private static Request update(TrackTab tab, SkillChange change) {
        var cell = tab.skill(change.level(), change.column(), change.skill()).orElseThrow();
        CellData data = new CellData();
        List<String> fields = new ArrayList<>();
        if (change.statusChanges()) {
            data.setUserEnteredFormat(format(SkillStatus.fromCode(change.toStatus())));
            fields.add("userEnteredFormat.backgroundColorStyle");
        }
        if (change.noteChanges() && hasText(change.toNote())) {
            data.setNote(change.toNote()); // a note is replaced, never cleared
            fields.add("note");
        }
        return new Request()
                .setUpdateCells(new UpdateCellsRequest()
                        .setStart(new GridCoordinate()
                                .setSheetId(tab.sheetId())
                                .setRowIndex(cell.row())
                                .setColumnIndex(cell.columnIndex()))
                        .setRows(List.of(new RowData().setValues(List.of(data))))
                        .setFields(String.join(",", fields)));
    }

    private static List<Request> fill(TrackTab tab, TrackTab.Level block, List<SkillChange> added) {
        List<Request> writes = new ArrayList<>();
        int extraRows = 0;
        for (String column : List.of("technical", "soft")) {
            int columnIndex = TrackTab.columnIndex(column);
            List<Integer> free = new ArrayList<>();
            for (int row = block.firstRow(); row <= block.lastRow(); row++) {
                int r = row;
                if (tab.skills().stream().noneMatch(s -> s.row() == r && s.columnIndex() == columnIndex)) {
                    free.add(row);
                }
            }
            int overflow = 0;
            for (SkillChange change : added) {
                if (!change.column().equals(column)) {
                    continue;
                }
                int row = free.isEmpty() ? block.lastRow() + 1 + overflow++ : free.remove(0);
                writes.add(write(tab.sheetId(), row, columnIndex, change));
            }
            extraRows = Math.max(extraRows, overflow);
        }
        List<Request> requests = new ArrayList<>();
        if (extraRows > 0) {
            requests.add(new Request()
                    .setInsertDimension(new InsertDimensionRequest()
                            .setRange(new DimensionRange()
                                    .setSheetId(tab.sheetId())
                                    .setDimension("ROWS")
                                    .setStartIndex(block.lastRow() + 1)
                                    .setEndIndex(block.lastRow() + 1 + extraRows))
                            .setInheritFromBefore(true)));
        }
        requests.addAll(writes);
        return requests;
    }

    private static List<RowData> newBlock(int level, String title, List<SkillChange> added) {
        List<SkillChange> technical =
                added.stream().filter(c -> !c.column().equals("soft")).toList();
        List<SkillChange> soft =
                added.stream().filter(c -> c.column().equals("soft")).toList();
        List<RowData> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(1, Math.max(technical.size(), soft.size())); i++) {
            List<CellData> cells = new ArrayList<>();
            cells.add(
                    i == 0
                            ? new CellData().setUserEnteredValue(new ExtendedValue().setNumberValue((double) level))
                            : new CellData());
            cells.add(
                    i == 0
                            ? new CellData().setUserEnteredValue(new ExtendedValue().setStringValue(title))
                            : new CellData());
            cells.add(i < technical.size() ? skillCell(technical.get(i)) : new CellData());
            cells.add(i < soft.size() ? skillCell(soft.get(i)) : new CellData());
            rows.add(new RowData().setValues(cells));
        }
        return rows;
    }

    private static Request write(int sheetId, int row, int column, SkillChange change) {
        return new Request()
                .setUpdateCells(new UpdateCellsRequest()
                        .setStart(new GridCoordinate()
                                .setSheetId(sheetId)
                                .setRowIndex(row)
                                .setColumnIndex(column))
                        .setRows(List.of(new RowData().setValues(List.of(skillCell(change)))))
                        .setFields(hasText(change.toNote()) ? SKILL_FIELDS : SKILL_FIELDS_KEEPING_NOTE));
    }

    private static boolean hasText(String note) {
        return note != null && !note.isBlank();
    }

    private static CellData skillCell(SkillChange change) {
        return new CellData()
                .setUserEnteredValue(new ExtendedValue().setStringValue(change.skill()))
                .setNote(hasText(change.toNote()) ? change.toNote() : null)
                .setUserEnteredFormat(format(SkillStatus.fromCode(change.toStatus())));
    }

    static CellFormat format(SkillStatus status) {
        return new CellFormat()
                .setBackgroundColorStyle(new ColorStyle()
                        .setRgbColor(new Color()
                                .setRed(status.red())
                                .setGreen(status.green())
                                .setBlue(status.blue())));
    }
}
