package dev.worklens.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.activity.UnitKind;
import dev.worklens.activity.UnitLabels;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Offline classifier")
class OfflineClassifierTest {

    final OfflineClassifier classifier = new OfflineClassifier();

    static UnitLabels.Text unit(String source, String kind, String title, String body, String channel) {
        return new UnitLabels.Text(1, "h", source, UnitKind.of(kind), "authored", title, body, channel, null);
    }

    @ParameterizedTest(name = "{0} {1} \"{2}\" → {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            github | review       | Approved                                   | -                                  | -               | review
            github | review       | Fix the typo please                        | -                                  | -               | review
            github | pull_request | feat(sync): resumable jobs                 | -                                  | -               | feature
            github | pull_request | fix(api): null member id                   | -                                  | -               | bug_fix
            github | commit       | docs: explain settings                     | -                                  | -               | documentation
            github | commit       | chore: bump okhttp                         | -                                  | -               | operational
            slack  | discussion   | SEV2 declared for checkout                 | checkout is returning 500s         | eng             | incident
            slack  | discussion   | Postmortem for Tuesday's outage is up      | -                                  | eng             | incident
            github | pull_request | Hotfix for the payment crash               | -                                  | -               | bug_fix
            github | pull_request | Update README with the demo command        | -                                  | -               | documentation
            slack  | discussion   | RFC: move jobs to db-scheduler             | -                                  | eng             | architecture
            slack  | thread_reply | Pairing with Ana on the importer today     | -                                  | eng             | mentorship
            slack  | discussion   | Onboarding notes for the new hire          | -                                  | eng             | mentorship
            slack  | standup      | Sprint planning and estimates for Q3       | -                                  | standup         | planning
            slack  | discussion   | Deployed 1.4 to production                 | -                                  | eng             | operational
            slack  | discussion   | I'm on-call this week                      | -                                  | eng             | operational
            github | pull_request | Upgrade Spring Boot to 4.0.7               | -                                  | -               | operational
            github | pull_request | Implement CSV export                       | -                                  | -               | feature
            github | pull_request | Add team overview page                     | -                                  | -               | feature
            slack  | discussion   | Thanks everyone!                           | -                                  | random          | unknown
            slack  | discussion   | Quick question                             | the importer has a bug with emoji  | eng             | bug_fix
            slack  | discussion   | Looking now                                | -                                  | incidents       | incident
            slack  | discussion   | Back in 5                                  | -                                  | eng-oncall      | operational
            """)
    void labels(String source, String kind, String title, String body, String channel, String expected) {
        Label label = classifier.label(unit(source, kind, title, body, channel));

        assertThat(label.category().wire()).isEqualTo(expected);
        assertThat(label.classifier()).isEqualTo("offline");
        assertThat(label.promptVersion()).isEqualTo(OfflineClassifier.PROMPT_VERSION);
        assertThat(label.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    @DisplayName("the title decides before the body, and words inside other words do not count")
    void titleFirstAndWholeWords() {
        assertThat(classifier
                        .label(unit("github", "pull_request", "Add retry to the client", "Fixes #12", null))
                        .category())
                .isEqualTo(Category.FEATURE);
        assertThat(classifier
                        .label(unit("slack", "discussion", "The prefix is odd", "suffixed", null))
                        .category())
                .isEqualTo(Category.UNKNOWN);
        assertThat(classifier
                        .label(unit("slack", "discussion", "Designated driver", null, null))
                        .category())
                .isEqualTo(Category.UNKNOWN);
    }

    @Test
    @DisplayName("the same text always gets the same label")
    void deterministic() {
        var units = List.of(
                unit("slack", "discussion", "Deploy is done", null, "eng"),
                unit("github", "issue", "Crash on start", null, null));

        assertThat(classifier.classify(units)).isEqualTo(classifier.classify(units));
    }
}
