package dev.worklens.devtrack.notion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Developer page parser")
class TrackPageParserTest {

    static int ids;

    static NotionBlock block(String type, String text, NotionBlock... children) {
        return new NotionBlock("b" + ids++, type, text, false, false, List.of(children));
    }

    static NotionBlock toggleHeading(String type, String text, NotionBlock... children) {
        return new NotionBlock("h" + ids++, type, text, false, true, List.of(children));
    }

    static NotionBlock todo(String text, boolean checked) {
        return new NotionBlock("t" + ids++, "to_do", text, checked, false, List.of());
    }

    @Test
    @DisplayName("levels, kinds, skills, objectives and notes under Skills Development")
    void skills() {
        var blocks = List.of(
                block("paragraph", "Intro text"),
                block("bulleted_list_item", "Not a skill: before the skills section"),
                block("heading_2", "Skills Development"),
                block("heading_3", "Level 1 – Junior"),
                block(
                        "toggle",
                        "Unit testing",
                        todo("Writing tests first", false),
                        block("bulleted_list_item", "Pairs with Lan", block("bulleted_list_item", "weekly")),
                        block("paragraph", "ignored paragraph")),
                block("paragraph", "Soft skills"),
                block("bulleted_list_item", "Communication", todo("New objective: demo", true)),
                block("heading_3", "Level 2"),
                block("bulleted_list_item", "Code review"),
                block("paragraph", "Soft skills:"),
                block("toggle", "Mentoring"),
                block("paragraph", "Technical skills"),
                block("bulleted_list_item", "Observability"),
                block("heading_2", "Other notes"),
                block("bulleted_list_item", "Not a skill either"));
        NotionTrack track = TrackPageParser.parse("page", blocks);
        assertThat(track.skills())
                .extracting(NotionTrack.Skill::name, NotionTrack.Skill::column, NotionTrack.Skill::level)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Unit testing", "technical", 1),
                        org.assertj.core.groups.Tuple.tuple("Communication", "soft", 1),
                        org.assertj.core.groups.Tuple.tuple("Code review", "technical", 2),
                        org.assertj.core.groups.Tuple.tuple("Mentoring", "soft", 2),
                        org.assertj.core.groups.Tuple.tuple("Observability", "technical", 2));
        var unit = track.skills().get(0);
        assertThat(unit.levelTitle()).isEqualTo("Junior");
        assertThat(unit.objectives()).containsExactly(new Objective("Writing tests first", false));
        assertThat(unit.note())
                .as("bullets directly under the skill are not part of the note")
                .isEqualTo("- Writing tests first");
        assertThat(track.skills().get(1).objectives()).containsExactly(new Objective("New objective: demo", true));
        assertThat(track.focus()).isNull();
    }

    @Test
    @DisplayName("toggle headings hold their content as children; a plain Focus Areas heading's bullets follow it")
    void toggleHeadingsAndPlainFocus() {
        var focus = block("heading_2", "Focus Areas");
        var first = block("bulleted_list_item", "Unit testing");
        var blocks = List.of(
                toggleHeading(
                        "heading_2",
                        "Skills Development",
                        toggleHeading(
                                "heading_3", "Level 3", block("toggle", "Architecture", todo("Leading RFCs", false)))),
                focus,
                first,
                block("bulleted_list_item", "Ask Mia about conferences"),
                block("heading_2", "Notes"),
                block("bulleted_list_item", "outside"));
        NotionTrack track = TrackPageParser.parse("page", blocks);
        assertThat(track.skills()).extracting(NotionTrack.Skill::name).containsExactly("Architecture");
        assertThat(track.focus().toggle()).isFalse();
        assertThat(track.focus().headingId()).isEqualTo(focus.id());
        assertThat(track.focus().container()).isEqualTo("page");
        assertThat(track.focus().bullets())
                .extracting(NotionTrack.Bullet::text)
                .containsExactly("Unit testing", "Ask Mia about conferences");
    }

    @Test
    @DisplayName("a Technical/Soft skills toggle may hold its skills as children")
    void kindToggle() {
        var track = TrackPageParser.parse(
                "page",
                List.of(
                        block("heading_2", "Skills Development"),
                        block("heading_3", "Level 2"),
                        block("toggle", "Soft skills", block("bulleted_list_item", "Feedback")),
                        block("bulleted_list_item", "After the toggle")));
        assertThat(track.skills())
                .extracting(NotionTrack.Skill::name, NotionTrack.Skill::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Feedback", "soft"),
                        org.assertj.core.groups.Tuple.tuple("After the toggle", "soft"));
    }

    @Test
    @DisplayName("a toggle Focus Areas heading holds its bullets inside")
    void toggleFocus() {
        var heading = toggleHeading("heading_2", "Focus Areas", block("bulleted_list_item", "Architecture"));
        var track = TrackPageParser.parse("page", List.of(heading, block("bulleted_list_item", "after the toggle")));
        assertThat(track.focus().toggle()).isTrue();
        assertThat(track.focus().container()).isEqualTo(heading.id());
        assertThat(track.focus().bullets()).extracting(NotionTrack.Bullet::text).containsExactly("Architecture");
    }

    @Test
    @DisplayName(
            "the note: '- objective' per to-do with text, '+ text' for everything nested at any depth, groups apart")
    void notesFromObjectives() {
        var skill = block(
                "toggle",
                "Code review",
                block("bulleted_list_item", "a working note, not part of the cell note"),
                new NotionBlock(
                        "o1",
                        "to_do",
                        "Reviewing three PRs a week",
                        false,
                        false,
                        List.of(
                                block("bulleted_list_item", "PR #12", block("numbered_list_item", "asked for tests")),
                                block("paragraph", "line one\nline two"),
                                todo("follow up", true))),
                todo("   ", false),
                todo("New objective: pair with Lan", true),
                block("paragraph", "also not in the note"));
        var track = TrackPageParser.parse(
                "page", List.of(block("heading_2", "Skills Development"), block("heading_3", "Level 1"), skill));
        var parsed = track.skills().get(0);
        assertThat(parsed.note()).isEqualTo("""
                        - Reviewing three PRs a week
                        + PR #12
                        + asked for tests
                        + line one line two
                        + follow up

                        - New objective: pair with Lan""");
        assertThat(parsed.objectives())
                .containsExactly(
                        new Objective("Reviewing three PRs a week", false),
                        new Objective("New objective: pair with Lan", true));
    }

    @Test
    @DisplayName("a skill without objectives has no note, so its cell's note is left as it is")
    void noObjectivesNoNote() {
        var track = TrackPageParser.parse(
                "page",
                List.of(
                        block("heading_2", "Skills Development"),
                        block("heading_3", "Level 1"),
                        block("toggle", "Testing", block("bulleted_list_item", "just a bullet"))));
        assertThat(track.skills().get(0).note()).isEmpty();
        assertThat(track.skills().get(0).objectives()).isEmpty();
    }
}
