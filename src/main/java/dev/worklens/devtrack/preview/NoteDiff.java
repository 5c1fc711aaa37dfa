package dev.worklens.devtrack.preview;

import java.util.ArrayList;
import java.util.List;

/**
 * A note change as a reader follows it: the lines of the old and the new note aligned by their
 * longest common run, each kept, removed or added. Notes are a few dozen lines, so the quadratic
 * table costs nothing.
 */
public final class NoteDiff {

    public enum Kind {
        KEPT,
        REMOVED,
        ADDED
    }

    public record Line(Kind kind, String text) {

        public String marker() {
            return switch (kind) {
                case KEPT -> " ";
                case REMOVED -> "−";
                case ADDED -> "+";
            };
        }
    }

    private NoteDiff() {}

    public static List<Line> lines(String from, String to) {
        List<String> a = split(from);
        List<String> b = split(to);
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).strip().equals(b.get(j).strip())
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0, j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).strip().equals(b.get(j).strip())) {
                lines.add(new Line(Kind.KEPT, b.get(j)));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                lines.add(new Line(Kind.REMOVED, a.get(i++)));
            } else {
                lines.add(new Line(Kind.ADDED, b.get(j++)));
            }
        }
        return lines;
    }

    private static List<String> split(String note) {
        return note == null || note.isBlank() ? List.of() : note.strip().lines().toList();
    }
}
