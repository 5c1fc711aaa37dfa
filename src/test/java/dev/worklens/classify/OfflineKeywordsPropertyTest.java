package dev.worklens.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The offline classifier looks words up per token instead of running each rule's expression along
 * the text. Its labels are stored ("offline-v1"), so the lookup must give exactly what the
 * expressions give: checked here against them on texts made of the rules' words, near misses
 * (words inside words, hyphens and underscores glued on), phrases and separators.
 */
class OfflineKeywordsPropertyTest {

    static final List<String> FRAGMENTS = List.of(
            "incident",
            "incidents",
            "outage",
            "sev2",
            "sev-1",
            "sev5",
            "sev-",
            "p0",
            "p1",
            "p2",
            "postmortem",
            "post-mortems",
            "pagerduty",
            "paged",
            "degraded",
            "fix",
            "fixes",
            "fixed",
            "fixing",
            "fixer",
            "refix",
            "bug",
            "bugs",
            "bugfix",
            "bugfixes",
            "hotfix",
            "hotfixes",
            "regression",
            "crash",
            "crashing",
            "broken",
            "error",
            "errors",
            "doc",
            "docs",
            "readme",
            "documentation",
            "documented",
            "wiki",
            "runbook",
            "javadoc",
            "design",
            "designed",
            "rfc",
            "rfcs",
            "architecture",
            "architectural",
            "adr",
            "tech",
            "spec",
            "proposal",
            "system",
            "pair",
            "pairing",
            "mentor",
            "mentored",
            "onboard",
            "coaching",
            "walked",
            "through",
            "knowledge",
            "sharing",
            "1",
            "1:1",
            "plan",
            "planning",
            "roadmap",
            "sprints",
            "estimate",
            "estimation",
            "backlog",
            "grooming",
            "okrs",
            "milestone",
            "prioritise",
            "prioritization",
            "prioritiz",
            "deploy",
            "deployments",
            "on-call",
            "oncall",
            "on",
            "call",
            "upgrade",
            "upgraded",
            "infra",
            "terraform",
            "k8s",
            "helm",
            "ci",
            "pipeline",
            "release",
            "released",
            "rollout",
            "bump",
            "bumped",
            "dependabot",
            "migration",
            "monitoring",
            "alert",
            "feat",
            "feature",
            "features",
            "implement",
            "implementation",
            "add",
            "adding",
            "introduce",
            "support",
            "new",
            "build",
            "building",
            "endpoint",
            "hello",
            "the",
            "x",
            "_",
            "123",
            "café",
            "naïve",
            "ß",
            "straße",
            "ﬁx");

    static final List<String> SEPARATORS =
            List.of(" ", " ", " ", "", "-", "_", ".", ",", ":", "\n", "!", "(", ")", "/", "é", "'", "  ", "\t");

    @Property(tries = 3000)
    void sameCategoryAsTheExpressions(@ForAll("texts") String text) {
        assertThat(OfflineClassifier.keywords(text)).as(text).isEqualTo(byExpressions(text));
    }

    @Example
    void phrasesAndWordsInsideWords() {
        for (String text : List.of(
                "walked ana through the importer",
                "a tech spec",
                "1:1 with bo",
                "prefix-fix",
                "fix-ups",
                "fix_it",
                "sev-2",
                "deploy",
                "",
                "   ",
                "on-call",
                "system design review",
                "knowledge sharing and a bug")) {
            assertThat(OfflineClassifier.keywords(text)).as(text).isEqualTo(byExpressions(text));
        }
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.of(FRAGMENTS);
        Arbitrary<String> gap = Arbitraries.of(SEPARATORS);
        return Arbitraries.lazy(() -> piece.list()
                .ofMinSize(0)
                .ofMaxSize(14)
                .flatMap(words -> gap.list().ofSize(words.size()).map(gaps -> {
                    var s = new StringBuilder();
                    for (int i = 0; i < words.size(); i++) {
                        s.append(words.get(i)).append(gaps.get(i));
                    }
                    return s.toString();
                })));
    }

    /** How the classifier matched before: each rule's words as one whole-word expression, in order. */
    static Category byExpressions(String text) {
        if (text.isBlank()) {
            return Category.UNKNOWN;
        }
        for (OfflineClassifier.Rule rule : OfflineClassifier.rules()) {
            Pattern words = Pattern.compile("(?<![\\w-])(" + String.join("|", rule.words()) + ")(?![\\w-])");
            if (words.matcher(text).find()) {
                return rule.category();
            }
        }
        return Category.UNKNOWN;
    }
}
