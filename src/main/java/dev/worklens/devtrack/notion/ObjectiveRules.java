package dev.worklens.devtrack.notion;

import dev.worklens.devtrack.sheet.SkillStatus;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PRODUCT.md §10's status rules, the first that applies wins:
 *
 * <ol>
 *   <li>an unchecked objective starting with {@code In-progress:}, {@code In-review:}, {@code
 *       In-progress objective:} or {@code In-review objective:}, or whose first word — after removing
 *       one such prefix or {@code New objective:} / {@code To-review objective:}, and allowing one
 *       leading adverb in -ly — is a verb in -ing form ("New objective: Working on…") → in progress;
 *   <li>an unchecked {@code New objective:} or {@code To-review objective:} → focus;
 *   <li>a vetted (green) or proposed (purple) cell stays as it is;
 *   <li>all objectives checked and the cell in progress or focus → not started (white);
 *   <li>otherwise the Sheet keeps its status.
 * </ol>
 */
public final class ObjectiveRules {

    enum Signal {
        IN_PROGRESS,
        FOCUS,
        NONE
    }

    private static final Pattern PROGRESS_PREFIX =
            Pattern.compile("(?i)^in[- ]?(?:progress|review)(?:\\s+objective)?\\s*:");
    private static final Pattern FOCUS_PREFIX = Pattern.compile("(?i)^(?:new|to[- ]?review)\\s+objective\\s*:");
    private static final Pattern WORD = Pattern.compile("^[\\p{L}'’-]+");

    /**
     * Words ending in -ing whose stem has a vowel but that are not verbs in -ing form. Stems without
     * a vowel ("spr-ing", "str-ing", "br-ing", "th-ing", "k-ing") are rejected before this list.
     */
    private static final Set<String> NOT_VERBS = Set.of(
            "nothing",
            "something",
            "anything",
            "everything",
            "during",
            "morning",
            "evening",
            "ceiling",
            "wedding",
            "pudding",
            "herring",
            "viking",
            "sterling",
            "shilling",
            "awning",
            "pending",
            "lightning",
            "offspring",
            "earring",
            "seasoning",
            "icing",
            "duckling",
            "sibling",
            "inkling",
            "darling");

    private ObjectiveRules() {}

    static Signal signal(String objective) {
        String text = stripLead(objective);
        if (PROGRESS_PREFIX.matcher(text).lookingAt()) {
            return Signal.IN_PROGRESS;
        }
        Matcher focus = FOCUS_PREFIX.matcher(text);
        boolean focusPrefix = focus.lookingAt();
        // the -ing test reads the words after the one prefix: "New objective: Working on…" is under way
        if (startsWithIngVerb(focusPrefix ? stripLead(text.substring(focus.end())) : text)) {
            return Signal.IN_PROGRESS;
        }
        return focusPrefix ? Signal.FOCUS : Signal.NONE;
    }

    /** The first word is a verb in -ing form, or a -ly adverb followed by one ("Actively raising…"). */
    private static boolean startsWithIngVerb(String text) {
        String[] words = text.split("\\s+", 3);
        String first = firstWord(words[0]);
        if (isIngVerb(first)) {
            return true;
        }
        return words.length > 1
                && first.length() > 3
                && first.toLowerCase(Locale.ROOT).endsWith("ly")
                && isIngVerb(firstWord(words[1]));
    }

    static boolean isIngVerb(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() < 5 || !w.endsWith("ing") || NOT_VERBS.contains(w)) {
            return false;
        }
        String stem = w.substring(0, w.length() - 3);
        return stem.matches(".*[aeiouy].*");
    }

    public static boolean inFocus(List<Objective> objectives) {
        return objectives.stream().filter(o -> !o.checked()).anyMatch(o -> signal(o.text()) != Signal.NONE);
    }

    public static SkillStatus next(List<Objective> objectives, SkillStatus sheet) {
        List<Objective> open = objectives.stream().filter(o -> !o.checked()).toList();
        if (open.stream().anyMatch(o -> signal(o.text()) == Signal.IN_PROGRESS)) {
            return SkillStatus.IN_PROGRESS;
        }
        if (open.stream().anyMatch(o -> signal(o.text()) == Signal.FOCUS)) {
            return SkillStatus.FOCUS;
        }
        if (sheet == SkillStatus.VETTED || sheet == SkillStatus.PROPOSED) {
            return sheet;
        }
        if (!objectives.isEmpty()
                && open.isEmpty()
                && (sheet == SkillStatus.IN_PROGRESS || sheet == SkillStatus.FOCUS)) {
            return SkillStatus.NOT_STARTED;
        }
        return sheet;
    }

    private static String stripLead(String text) {
        // emoji, bullets and quotes people put before the words
        return text == null ? "" : text.strip().replaceFirst("^[^\\p{L}]+", "");
    }

    private static String firstWord(String token) {
        var m = WORD.matcher(token);
        return m.find() ? m.group() : "";
    }
}
