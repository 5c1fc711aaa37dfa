package dev.worklens.devtrack.notion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.devtrack.sheet.SkillStatus;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Objective status rules (PRODUCT.md §10)")
class ObjectiveRulesTest {

    @Nested
    @DisplayName("an objective's signal")
    class Signals {

        @ParameterizedTest(name = "\"{0}\" → {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Working as the on-call lead for a sprint | IN_PROGRESS",
                    "Actively raising risks in planning | IN_PROGRESS",
                    "Consistently reviewing PRs within a day | IN_PROGRESS",
                    "Being the owner of the billing service | IN_PROGRESS",
                    "Using feature flags for risky changes | IN_PROGRESS",
                    "Leading the incident review | IN_PROGRESS",
                    "Mentoring a junior engineer | IN_PROGRESS",
                    "✅ Writing design docs | IN_PROGRESS",
                    "In-progress: migrate the queue | IN_PROGRESS",
                    "in-review: RFC for caching | IN_PROGRESS",
                    "In progress: load tests | IN_PROGRESS",
                    "New objective: own the release train | FOCUS",
                    "To-review objective: pairing sessions | IN_PROGRESS",
                    "To-review objective: pair on sessions | FOCUS",
                    "new objective : learn Kotlin | FOCUS",
                    "Spring Boot upgrade of the API | NONE",
                    "String formatting guidelines | NONE",
                    "Nothing blocking the team | NONE",
                    "Bring ideas to the retro | NONE",
                    "Thing one | NONE",
                    "Something about caching | NONE",
                    "During on-call, write runbooks | NONE",
                    "Morning standup facilitation | NONE",
                    "King of the hill | NONE",
                    "Ring the bell | NONE",
                    "Only ring the bell | NONE",
                    "Ship the feature | NONE",
                    "Objective: in-progress later | NONE",
                    "In-progress objective: migrate the queue | IN_PROGRESS",
                    "In-review objective: caching RFC | IN_PROGRESS",
                    "in-review objective : caching RFC | IN_PROGRESS",
                    "In-progress objective: Spring upgrade | IN_PROGRESS",
                    "New objective: Working on the release train | IN_PROGRESS",
                    "New objective: Actively raising risks | IN_PROGRESS",
                    "To-review objective: Leading the guild | IN_PROGRESS",
                    "To-review objective: consistently pairing | IN_PROGRESS",
                    "New objective: Spring cleanup | FOCUS",
                    "New objective: String handling | FOCUS",
                    "To-review objective: Nothing yet | FOCUS",
                    "New objective: Only ring the bell | FOCUS",
                    "Actively Spring cleaning | NONE",
                    "Daily String review | NONE",
                    "Really nothing | NONE",
                    "🚀 Actively raising risks | IN_PROGRESS",
                    "Daily sync | NONE",
                })
        void signal(String objective, ObjectiveRules.Signal expected) {
            assertThat(ObjectiveRules.signal(objective)).isEqualTo(expected);
        }
    }

    @Nested
    @DisplayName("the next status, first rule that applies")
    class NextStatus {

        static List<Objective> open(String... texts) {
            return java.util.Arrays.stream(texts)
                    .map(t -> new Objective(t, false))
                    .toList();
        }

        @ParameterizedTest(name = "{0}: sheet {1} → {2}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "rule 1 beats a white cell | NOT_STARTED | IN_PROGRESS",
                    "rule 1 beats yellow | FOCUS | IN_PROGRESS",
                    "rule 1 applies before green stays | VETTED | IN_PROGRESS",
                })
        void inProgress(String why, SkillStatus sheet, SkillStatus expected) {
            assertThat(ObjectiveRules.next(open("Working on the API"), sheet)).isEqualTo(expected);
        }

        @Test
        @DisplayName("rule 2: an open New objective makes focus; rule 1 wins over it when both are present")
        void focus() {
            assertThat(ObjectiveRules.next(open("New objective: a"), SkillStatus.NOT_STARTED))
                    .isEqualTo(SkillStatus.FOCUS);
            assertThat(ObjectiveRules.next(open("New objective: a", "Learning b"), SkillStatus.NOT_STARTED))
                    .isEqualTo(SkillStatus.IN_PROGRESS);
        }

        @Test
        @DisplayName("rule 3: green and purple stay when no open objective signals")
        void greenPurpleUntouched() {
            var done = List.of(new Objective("Working on x", true));
            assertThat(ObjectiveRules.next(done, SkillStatus.VETTED)).isEqualTo(SkillStatus.VETTED);
            assertThat(ObjectiveRules.next(done, SkillStatus.PROPOSED)).isEqualTo(SkillStatus.PROPOSED);
            assertThat(ObjectiveRules.next(open("Ship it"), SkillStatus.PROPOSED))
                    .isEqualTo(SkillStatus.PROPOSED);
        }

        @Test
        @DisplayName("rule 4: every objective checked turns blue or yellow white")
        void allChecked() {
            var done = List.of(new Objective("Working on x", true), new Objective("New objective: y", true));
            assertThat(ObjectiveRules.next(done, SkillStatus.IN_PROGRESS)).isEqualTo(SkillStatus.NOT_STARTED);
            assertThat(ObjectiveRules.next(done, SkillStatus.FOCUS)).isEqualTo(SkillStatus.NOT_STARTED);
            assertThat(ObjectiveRules.next(done, SkillStatus.NOT_STARTED)).isEqualTo(SkillStatus.NOT_STARTED);
        }

        @Test
        @DisplayName("rule 5: otherwise the Sheet keeps its value (no objectives, or open ones without a signal)")
        void keep() {
            assertThat(ObjectiveRules.next(List.of(), SkillStatus.IN_PROGRESS)).isEqualTo(SkillStatus.IN_PROGRESS);
            assertThat(ObjectiveRules.next(open("Ship it"), SkillStatus.FOCUS)).isEqualTo(SkillStatus.FOCUS);
            assertThat(ObjectiveRules.next(
                            List.of(new Objective("Working", true), new Objective("Ship it", false)),
                            SkillStatus.IN_PROGRESS))
                    .isEqualTo(SkillStatus.IN_PROGRESS);
        }

        @Test
        @DisplayName("a skill is in focus by its open objectives only, never by a checked one")
        void inFocus() {
            assertThat(ObjectiveRules.inFocus(open("Ship it", "In-review: RFC")))
                    .isTrue();
            assertThat(ObjectiveRules.inFocus(List.of(new Objective("Working on x", true))))
                    .isFalse();
            assertThat(ObjectiveRules.inFocus(open("Spring cleanup"))).isFalse();
        }
    }
}
