package dev.worklens.devtrack.notion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a developer page: under {@code ## Skills Development}, {@code ### Level N} headings start
 * levels; a {@code Technical skills} or {@code Soft skills} paragraph switches the kind (technical
 * until then); toggle and bulleted items are skills, their to-dos objectives. A skill's note is built
 * from its objectives as PRODUCT.md §10 says. A toggle heading's content is its children, a plain
 * heading's the blocks after it.
 */
public final class TrackPageParser {

    private static final Pattern LEVEL = Pattern.compile("(?i)^level\\s+(\\d+)\\b\\s*[:.\\-–—]?\\s*(.*)$");

    private enum Section {
        NONE,
        SKILLS,
        FOCUS
    }

    private final List<NotionTrack.Skill> skills = new ArrayList<>();
    private Section section = Section.NONE;
    private Integer level;
    private String levelTitle = "";
    private String column = "technical";
    private String focusHeading;
    private String focusContainer;
    private boolean focusToggle;
    private final List<NotionTrack.Bullet> bullets = new ArrayList<>();

    private TrackPageParser() {}

    public static NotionTrack parse(String pageId, List<NotionBlock> blocks) {
        var parser = new TrackPageParser();
        parser.walk(pageId, blocks);
        NotionTrack.FocusArea focus = parser.focusHeading == null
                ? null
                : new NotionTrack.FocusArea(
                        parser.focusHeading, parser.focusContainer, parser.focusToggle, List.copyOf(parser.bullets));
        return new NotionTrack(List.copyOf(parser.skills), focus);
    }

    private void walk(String container, List<NotionBlock> blocks) {
        for (NotionBlock block : blocks) {
            if (block.isHeading()) {
                heading(container, block);
                if (block.toggleable()) {
                    walk(block.id(), block.children());
                    if (section == Section.FOCUS && block.id().equals(focusHeading)) {
                        section = Section.NONE; // a toggle's bullets end with the toggle
                    }
                }
                continue;
            }
            switch (section) {
                case SKILLS -> skillBlock(block);
                case FOCUS -> {
                    if (block.type().equals("bulleted_list_item") && container.equals(focusContainer)) {
                        bullets.add(
                                new NotionTrack.Bullet(block.id(), block.text().strip()));
                    }
                }
                case NONE -> {}
            }
        }
    }

    private void heading(String container, NotionBlock block) {
        String text = block.text().strip();
        String key = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "").strip();
        Matcher m = LEVEL.matcher(text);
        if (section == Section.SKILLS && m.matches()) {
            level = Integer.parseInt(m.group(1));
            levelTitle = m.group(2).strip();
            column = "technical";
            return;
        }
        if (key.equals("skills development")) {
            section = Section.SKILLS;
            level = null;
        } else if (key.equals("focus areas")) {
            section = Section.FOCUS;
            focusHeading = block.id();
            focusToggle = block.toggleable();
            focusContainer = block.toggleable() ? block.id() : container;
            bullets.clear();
        } else if (!block.type().equals("heading_3") || section != Section.SKILLS) {
            section = Section.NONE; // another top-level section starts
        }
    }

    private void skillBlock(NotionBlock block) {
        if (level == null) {
            return;
        }
        String kind = block.text()
                .strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z ]", "")
                .strip();
        if (kind.equals("technical skills") || kind.equals("soft skills")) {
            column = kind.startsWith("soft") ? "soft" : "technical";
            // some pages fold the kind into a toggle whose children are the skills
            block.children().forEach(this::skillBlock);
            return;
        }
        if (!block.isItem() || block.text().isBlank()) {
            return;
        }
        List<Objective> objectives = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (NotionBlock child : block.children()) {
            // bullets directly under the skill are a person's working notes, not part of the cell note
            if (child.type().equals("to_do") && !child.text().isBlank()) {
                objectives.add(new Objective(oneLine(child.text()), child.checked()));
                List<String> lines = new ArrayList<>();
                lines.add("- " + oneLine(child.text()));
                collectEvidence(child, lines);
                groups.add(String.join("\n", lines));
            }
        }
        skills.add(new NotionTrack.Skill(
                block.text().strip(), column, level, levelTitle, List.copyOf(objectives), String.join("\n\n", groups)));
    }

    /** Every block nested under an objective, at any depth and of any kind, is a {@code + text} line. */
    private static void collectEvidence(NotionBlock parent, List<String> lines) {
        for (NotionBlock child : parent.children()) {
            if (!child.text().isBlank()) {
                lines.add("+ " + oneLine(child.text()));
            }
            collectEvidence(child, lines);
        }
    }

    /** A block's soft line breaks would read as new note lines; one block is one line. */
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
