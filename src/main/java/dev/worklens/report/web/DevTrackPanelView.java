package dev.worklens.report.web;

import dev.worklens.report.DevTrackView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The report's Dev track panel as PRODUCT.md §10 lays it out: levels from high to low, each with
 * "x of y vetted" and its counts per status; fully vetted and untouched levels folded, and within a
 * level the vetted skills folded; notes with their {@code -} and {@code +} lines as nested bullets.
 */
public record DevTrackPanelView(DevTrackView track, List<LevelView> levels) {

    static final List<String> STATUS_ORDER = List.of("focus", "in_progress", "proposed", "vetted", "not_started");

    /** The Sheet's palette, so the panel's swatches match the cells a manager knows. */
    static final Map<String, String> COLOURS = Map.of(
            "vetted", "#d9ead3",
            "in_progress", "#c9daf8",
            "proposed", "#d9d2e9",
            "focus", "#fff2cc",
            "not_started", "#ffffff");

    public record LevelView(
            int level,
            String title,
            boolean current,
            int vetted,
            int total,
            Map<String, Long> counts,
            List<SkillView> open,
            List<SkillView> done) {

        /** Fully vetted, or nothing started: nothing to read there until opened. */
        public boolean folded() {
            return !current && (vetted == total || counts.getOrDefault("not_started", 0L) == total);
        }

        public int percent() {
            return total == 0 ? 0 : Math.round(100f * vetted / total);
        }
    }

    public record SkillView(DevTrackView.Skill skill, List<NoteGroup> note) {

        public String colour() {
            return DevTrackPanelView.colour(skill.status());
        }

        public String label() {
            return statusLabel(skill.status());
        }
    }

    /** A {@code - objective} line with the {@code + evidence} lines under it, or a plain line. */
    public record NoteGroup(String text, boolean bullet, List<String> evidence) {}

    public static DevTrackPanelView of(DevTrackView track) {
        if (track == null || track.error() != null || track.skills() == null) {
            return new DevTrackPanelView(track, List.of());
        }
        Map<Integer, String> titles = new LinkedHashMap<>();
        if (track.levels() != null) {
            track.levels().forEach(l -> titles.putIfAbsent(l.level(), l.title()));
        }
        TreeSet<Integer> numbers = new TreeSet<>(Comparator.reverseOrder());
        numbers.addAll(titles.keySet());
        track.skills().forEach(s -> numbers.add(s.level()));
        List<LevelView> levels = new ArrayList<>();
        for (int n : numbers) {
            List<DevTrackView.Skill> skills =
                    track.skills().stream().filter(s -> s.level() == n).toList();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String status : STATUS_ORDER) {
                long count =
                        skills.stream().filter(s -> status.equals(s.status())).count();
                if (count > 0) {
                    counts.put(status, count);
                }
            }
            List<SkillView> open = new ArrayList<>();
            List<SkillView> done = new ArrayList<>();
            for (DevTrackView.Skill skill : skills) {
                (skill.status().equals("vetted") ? done : open).add(new SkillView(skill, note(skill.note())));
            }
            levels.add(new LevelView(
                    n,
                    titles.getOrDefault(n, ""),
                    track.level() != null && track.level() == n,
                    done.size(),
                    skills.size(),
                    counts,
                    open,
                    done));
        }
        return new DevTrackPanelView(track, levels);
    }

    /** Lines kept as written; {@code - } starts a bullet, {@code + } nests under the bullet above. */
    static List<NoteGroup> note(String note) {
        List<NoteGroup> groups = new ArrayList<>();
        if (note == null || note.isBlank()) {
            return groups;
        }
        NoteGroup last = null;
        for (String raw : note.strip().lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty()) {
                last = null;
            } else if (line.startsWith("+") && last != null && last.bullet()) {
                last.evidence().add(line.substring(1).strip());
            } else if (line.startsWith("- ") || line.equals("-")) {
                last = new NoteGroup(line.substring(1).strip(), true, new ArrayList<>());
                groups.add(last);
            } else {
                last = null;
                groups.add(new NoteGroup(line, false, List.of()));
            }
        }
        return groups;
    }

    public static String colour(String status) {
        return COLOURS.getOrDefault(status, "#ffffff");
    }

    public static String statusLabel(String status) {
        return switch (status) {
            case "in_progress" -> "in progress";
            case "not_started" -> "not started";
            default -> status;
        };
    }
}
