package dev.worklens.devtrack.sheet;

import com.google.api.services.sheets.v4.model.CellData;
import com.google.api.services.sheets.v4.model.CellFormat;
import com.google.api.services.sheets.v4.model.Color;
import com.google.api.services.sheets.v4.model.GridData;
import com.google.api.services.sheets.v4.model.RowData;
import com.google.api.services.sheets.v4.model.Sheet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Turns one tab's grid data into a {@link TrackTab}. */
final class TrackTabParser {

    private TrackTabParser() {}

    static TrackTab parse(Sheet sheet) {
        var props = sheet.getProperties();
        List<RowData> rows = rows(sheet);
        MessageDigest digest = sha256();
        List<TrackTab.Level> levels = new ArrayList<>();
        List<TrackTab.SheetSkill> skills = new ArrayList<>();
        Integer level = null;
        String levelTitle = null;
        int levelStart = -1;
        int lastDataRow = -1;
        for (int r = 0; r < rows.size(); r++) {
            List<CellData> cells =
                    rows.get(r).getValues() == null ? List.of() : rows.get(r).getValues();
            boolean hasData = false;
            for (int c = 0; c < cells.size(); c++) {
                CellData cell = cells.get(c);
                String fp = r + ":" + c + "=" + text(cell) + "|" + nz(cell.getNote()) + "|" + colourKey(cell) + "\n";
                digest.update(fp.getBytes(StandardCharsets.UTF_8));
                hasData |= !text(cell).isBlank();
            }
            if (hasData) {
                lastDataRow = r;
            }
            Integer startsLevel = integer(text(cell(cells, 0)));
            if (startsLevel != null) {
                if (level != null) {
                    levels.add(new TrackTab.Level(level, levelTitle, levelStart, r - 1));
                }
                level = startsLevel;
                levelTitle = text(cell(cells, 1)).strip();
                levelStart = r;
            }
            if (level == null) {
                continue; // header rows above the first level
            }
            for (int c : new int[] {TrackTab.TECHNICAL_COLUMN, TrackTab.SOFT_COLUMN}) {
                CellData cell = cell(cells, c);
                String name = text(cell).strip();
                if (name.isEmpty()) {
                    continue;
                }
                skills.add(new TrackTab.SheetSkill(
                        name,
                        c == TrackTab.SOFT_COLUMN ? "soft" : "technical",
                        level,
                        status(cell),
                        nz(cell.getNote()).strip(),
                        r,
                        c));
            }
        }
        if (level != null) {
            levels.add(new TrackTab.Level(level, levelTitle, levelStart, Math.max(levelStart, lastDataRow)));
        }
        return new TrackTab(
                props.getSheetId() == null ? 0 : props.getSheetId(),
                props.getTitle(),
                List.copyOf(levels),
                List.copyOf(skills),
                lastDataRow + 1,
                HexFormat.of().formatHex(digest.digest()));
    }

    static SkillStatus status(CellData cell) {
        Color colour = colour(cell);
        return colour == null
                ? SkillStatus.NOT_STARTED
                : SkillStatus.ofColour(colour.getRed(), colour.getGreen(), colour.getBlue());
    }

    /** {@code backgroundColorStyle} supersedes the deprecated {@code backgroundColor} where present. */
    static Color colour(CellData cell) {
        if (cell == null) {
            return null;
        }
        for (CellFormat format : new CellFormat[] {cell.getEffectiveFormat(), cell.getUserEnteredFormat()}) {
            if (format == null) {
                continue;
            }
            if (format.getBackgroundColorStyle() != null
                    && format.getBackgroundColorStyle().getRgbColor() != null) {
                return format.getBackgroundColorStyle().getRgbColor();
            }
            if (format.getBackgroundColor() != null) {
                return format.getBackgroundColor();
            }
        }
        return null;
    }

    private static String colourKey(CellData cell) {
        Color c = colour(cell);
        return c == null ? "-" : c.getRed() + "," + c.getGreen() + "," + c.getBlue();
    }

    private static List<RowData> rows(Sheet sheet) {
        List<RowData> rows = new ArrayList<>();
        if (sheet.getData() == null) {
            return rows;
        }
        for (GridData data : sheet.getData()) {
            int start = data.getStartRow() == null ? 0 : data.getStartRow();
            List<RowData> part = data.getRowData() == null ? List.of() : data.getRowData();
            while (rows.size() < start) {
                rows.add(new RowData());
            }
            for (int i = 0; i < part.size(); i++) {
                if (start + i < rows.size()) {
                    rows.set(start + i, part.get(i));
                } else {
                    rows.add(part.get(i));
                }
            }
        }
        return rows;
    }

    private static CellData cell(List<CellData> cells, int column) {
        return column < cells.size() && cells.get(column) != null ? cells.get(column) : new CellData();
    }

    static String text(CellData cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getFormattedValue() != null) {
            return cell.getFormattedValue();
        }
        var v = cell.getEffectiveValue() != null ? cell.getEffectiveValue() : cell.getUserEnteredValue();
        if (v == null) {
            return "";
        }
        if (v.getStringValue() != null) {
            return v.getStringValue();
        }
        if (v.getNumberValue() != null) {
            double d = v.getNumberValue();
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
        return "";
    }

    /** "3", "3.0" or " 3 " start a level; "Level 3" or "3a" do not. */
    static Integer integer(String text) {
        String s = text.strip();
        if (s.matches("\\d{1,3}(\\.0+)?")) {
            return Integer.parseInt(s.replaceAll("\\.0+$", ""));
        }
        return null;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
