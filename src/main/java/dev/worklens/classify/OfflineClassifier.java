package dev.worklens.classify;

import dev.worklens.activity.UnitKind;
import dev.worklens.activity.UnitLabels;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Deterministic labels from the source type and keywords, used without Claude and whenever Claude
 * fails. The title decides before the body because it is the author's own summary; the rule order
 * settles texts that match several categories (an incident fix is an incident).
 */
final class OfflineClassifier implements WorkClassifier {

    static final String ID = "offline";
    static final String PROMPT_VERSION = "offline-v1";

    // conventional-commit prefixes ("fix(api): …") say the author's intent outright
    private static final Pattern PREFIX =
            Pattern.compile("^\\s*(feat|feature|fix|hotfix|docs|doc|chore|ci|build|deps)(\\([^)]*\\))?!?:");

    private record Rule(Category category, Pattern words) {}

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
        return new Rule(category, Pattern.compile("(?<![\\w-])(" + String.join("|", words) + ")(?![\\w-])"));
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

    private static Category keywords(String text) {
        if (text.isBlank()) {
            return Category.UNKNOWN;
        }
        for (Rule rule : RULES) {
            if (rule.words().matcher(text).find()) {
                return rule.category();
            }
        }
        return Category.UNKNOWN;
    }

    private static Label label(Category category, double confidence) {
        return new Label(category, confidence, null, ID, PROMPT_VERSION);
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
