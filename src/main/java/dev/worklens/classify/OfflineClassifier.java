package dev.worklens.classify;

import dev.worklens.activity.UnitKind;
import dev.worklens.activity.UnitLabels;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Deterministic labels from the source type and keywords, used without Claude and whenever Claude
 * fails. The title decides before the body because it is the author's own summary; the rule order
 * settles texts that match several categories (an incident fix is an incident).
 */
final class OfflineClassifier implements WorkClassifier {

    static final String ID = "offline";
    static final String PROMPT_VERSION = "offline-v1";

    // conventional-commit prefixes ("fix(api): …") say the author's intent outright
    // a word whose every match is letters, digits and hyphens (regex syntax aside): a whole token
    private static final Pattern TOKEN_WORD = Pattern.compile("[a-z0-9\\-?()|\\[\\]]+");

    private static final Pattern PREFIX =
            Pattern.compile("^\\s*(feat|feature|fix|hotfix|docs|doc|chore|ci|build|deps)(\\([^)]*\\))?!?:");

    /**
     * A category and its words, as regular expressions that match whole words: {@code (?<![\\w-])}
     * before and {@code (?![\\w-])} after. A word of letters, digits and hyphens can only match a
     * whole token of the text (a longest run of those characters), so such words are looked up per
     * token ({@link #tokenWords}); the few phrases with spaces or colons are searched for as a
     * regular expression ({@link #phrases}, null when the rule has none).
     */
    record Rule(Category category, List<String> words, Pattern tokenWords, Pattern phrases) {}

    /** The rule index every token of the texts seen so far matched first ({@link #NONE}: none). */
    private static final Map<String, Integer> TOKEN_RULES = new ConcurrentHashMap<>();

    // texts hold ids, numbers and links too: the memo stops growing here (about a few MB)
    private static final int TOKENS_REMEMBERED = 50_000;
    private static final int NONE = Integer.MAX_VALUE;

    private static final List<Rule> RULES = List.of(
            rule(
                    Category.INCIDENT,
                    "incidents?",
                    "outages?",
                    "sev-?[0-4]",
                    "p[0-1]",
                    "postmortems?",
                    "post-mortems?",
                    "pagerduty",
                    "paged",
                    "downtime",
                    "degraded"),
            rule(
                    Category.BUG_FIX,
                    "fix(es|ed|ing)?",
                    "bugs?",
                    "bugfix(es)?",
                    "hotfix(es)?",
                    "regressions?",
                    "crash(es|ed|ing)?",
                    "broken",
                    "errors?"),
            rule(
                    Category.DOCUMENTATION,
                    "docs?",
                    "readme",
                    "documentation",
                    "documented",
                    "changelog",
                    "wiki",
                    "runbooks?",
                    "javadoc"),
            rule(
                    Category.ARCHITECTURE,
                    "design(s|ed)?",
                    "rfcs?",
                    "architecture",
                    "architectural",
                    "adrs?",
                    "tech spec",
                    "proposal",
                    "system design"),
            rule(
                    Category.MENTORSHIP,
                    "pair(ing|ed)?",
                    "mentor(s|ing|ed)?",
                    "onboard(ing|ed)?",
                    "coaching",
                    "walked .+ through",
                    "knowledge sharing",
                    "1:1"),
            rule(
                    Category.PLANNING,
                    "plan(s|ning|ned)?",
                    "roadmaps?",
                    "sprints?",
                    "estimates?",
                    "estimation",
                    "backlog",
                    "grooming",
                    "refinement",
                    "okrs?",
                    "milestones?",
                    "prioriti[sz](e|ation)"),
            rule(
                    Category.OPERATIONAL,
                    "deploy(s|ed|ing|ment|ments)?",
                    "on-?call",
                    "upgrades?",
                    "upgrad(ed|ing)",
                    "infra",
                    "infrastructure",
                    "terraform",
                    "kubernetes",
                    "k8s",
                    "helm",
                    "ci",
                    "pipelines?",
                    "release(d|s)?",
                    "rollouts?",
                    "bump(ed|s)?",
                    "dependabot",
                    "migrations?",
                    "monitoring",
                    "alerts?"),
            rule(
                    Category.FEATURE,
                    "feat",
                    "features?",
                    "implement(s|ed|ing|ation)?",
                    "add(s|ed|ing)?",
                    "introduc(e|es|ed|ing)",
                    "support(s|ed)?",
                    "new",
                    "build(s|ing)?",
                    "endpoints?"));

    private static Rule rule(Category category, String... words) {
        List<String> tokens =
                Stream.of(words).filter(w -> TOKEN_WORD.matcher(w).matches()).toList();
        List<String> phrases = Stream.of(words).filter(w -> !tokens.contains(w)).toList();
        return new Rule(
                category,
                List.of(words),
                tokens.isEmpty() ? null : Pattern.compile(String.join("|", tokens)),
                phrases.isEmpty() ? null : Pattern.compile("(?<![\\w-])(" + String.join("|", phrases) + ")(?![\\w-])"));
    }

    /** The rules, in the order that settles a text matching several; for tests. */
    static List<Rule> rules() {
        return RULES;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String promptVersion() {
        return PROMPT_VERSION;
    }

    @Override
    public Map<String, Label> classify(List<UnitLabels.Text> units) {
        Map<String, Label> labels = new HashMap<>();
        for (UnitLabels.Text unit : units) {
            labels.put(unit.contentHash(), label(unit));
        }
        return labels;
    }

    Label label(UnitLabels.Text unit) {
        if (unit.kind() == UnitKind.REVIEW) {
            return label(Category.REVIEW, 0.9);
        }
        String title = lower(unit.title());
        var prefix = PREFIX.matcher(title);
        if (prefix.find()) {
            return label(prefixCategory(prefix.group(1)), 0.85);
        }
        Category fromTitle = keywords(title);
        if (fromTitle != Category.UNKNOWN) {
            return label(fromTitle, 0.7);
        }
        Category fromBody = keywords(lower(unit.body()));
        if (fromBody != Category.UNKNOWN) {
            return label(fromBody, 0.5);
        }
        // a channel named for incidents or on-call says what its messages are about
        Category fromChannel = keywords(lower(unit.channel()).replace('-', ' '));
        if (fromChannel == Category.INCIDENT || fromChannel == Category.OPERATIONAL) {
            return label(fromChannel, 0.4);
        }
        return label(Category.UNKNOWN, 0.2);
    }

    private static Category prefixCategory(String prefix) {
        return switch (prefix) {
            case "feat", "feature" -> Category.FEATURE;
            case "fix", "hotfix" -> Category.BUG_FIX;
            case "docs", "doc" -> Category.DOCUMENTATION;
            default -> Category.OPERATIONAL;
        };
    }

    /**
     * The category of the first rule with a word in the text. Tokens are looked up (a text's words
     * repeat across messages) rather than running every rule's expression along the whole text: the
     * same answer at a fraction of the cost, which re-extraction pays for every message.
     */
    static Category keywords(String text) {
        if (text.isBlank()) {
            return Category.UNKNOWN;
        }
        int first = NONE;
        int length = text.length();
        int start = -1;
        for (int i = 0; i <= length && first > 0; i++) {
            if (i < length && tokenChar(text.charAt(i))) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                first = Math.min(first, tokenRule(text.substring(start, i)));
                start = -1;
            }
        }
        for (int r = 0; r < Math.min(first, RULES.size()); r++) {
            Pattern phrases = RULES.get(r).phrases();
            if (phrases != null && phrases.matcher(text).find()) {
                first = r;
                break;
            }
        }
        return first == NONE ? Category.UNKNOWN : RULES.get(first).category();
    }

    /** {@code \\w} (ASCII, as Java's regular expressions read it) or a hyphen. */
    private static boolean tokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static int tokenRule(String token) {
        Integer known = TOKEN_RULES.get(token);
        if (known != null) {
            return known;
        }
        int rule = NONE;
        for (int r = 0; r < RULES.size(); r++) {
            Pattern words = RULES.get(r).tokenWords();
            if (words != null && words.matcher(token).matches()) {
                rule = r;
                break;
            }
        }
        if (TOKEN_RULES.size() < TOKENS_REMEMBERED) {
            TOKEN_RULES.put(token, rule);
        }
        return rule;
    }

    private static Label label(Category category, double confidence) {
        return new Label(category, confidence, null, ID, PROMPT_VERSION);
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
