package dev.worklens.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.report.DevTrackView;
import dev.worklens.report.DevTrackView.Skill;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The report's Dev track panel (PRODUCT.md §10)")
class DevTrackPanelViewTest {

    static final DevTrackView TRACK = new DevTrackView(
            "Don Vo",
            3,
            "Senior",
            null,
            List.of(
                    new Skill("Testing", "technical", 1, "vetted", null),
                    new Skill("Reviews", "soft", 1, "vetted", null),
                    new Skill("Design", "technical", 2, "vetted", null),
                    new Skill("Ops", "technical", 2, "in_progress", "- Working on alerts\n+ PR #3"),
                    new Skill("Ops", "technical", 3, "focus", null),
                    new Skill("Hiring", "soft", 3, "vetted", null),
                    new Skill("Strategy", "technical", 4, "not_started", null)),
            List.of(
                    new DevTrackView.Level(1, "Junior"),
                    new DevTrackView.Level(2, "Mid"),
                    new DevTrackView.Level(3, "Senior"),
                    new DevTrackView.Level(4, "Staff")));

    @Test
    @DisplayName("levels high to low with x of y vetted and counts per status; vetted and untouched levels folded")
    void levels() {
        var levels = DevTrackPanelView.of(TRACK).levels();
        assertThat(levels).extracting(DevTrackPanelView.LevelView::level).containsExactly(4, 3, 2, 1);
        var staff = levels.get(0);
        assertThat(staff.folded()).as("untouched").isTrue();
        var senior = levels.get(1);
        assertThat(senior.current()).isTrue();
        assertThat(senior.folded()).isFalse();
        assertThat(senior.vetted()).isEqualTo(1);
        assertThat(senior.total()).isEqualTo(2);
        assertThat(senior.counts()).containsExactly(Map.entry("focus", 1L), Map.entry("vetted", 1L));
        assertThat(senior.open()).extracting(s -> s.skill().name()).containsExactly("Ops");
        assertThat(senior.done()).extracting(s -> s.skill().name()).containsExactly("Hiring");
        assertThat(levels.get(2).folded()).as("partly vetted").isFalse();
        assertThat(levels.get(3).folded()).as("fully vetted").isTrue();
        assertThat(levels.get(3).title()).isEqualTo("Junior");
    }

    @Test
    @DisplayName("notes keep their lines: '-' lines are bullets, '+' lines nest under them, other lines stay plain")
    void notes() {
        var groups = DevTrackPanelView.note("- Working on alerts\n+ PR #3\n+ runbook\n\n- Pairing\nfree text\n+ stray");
        assertThat(groups)
                .containsExactly(
                        new DevTrackPanelView.NoteGroup("Working on alerts", true, List.of("PR #3", "runbook")),
                        new DevTrackPanelView.NoteGroup("Pairing", true, List.of()),
                        new DevTrackPanelView.NoteGroup("free text", false, List.of()),
                        new DevTrackPanelView.NoteGroup("+ stray", false, List.of()));
        assertThat(DevTrackPanelView.note(null)).isEmpty();
    }

    @Test
    @DisplayName("an error leaves nothing to lay out")
    void error() {
        assertThat(DevTrackPanelView.of(DevTrackView.error("No tab")).levels()).isEmpty();
    }
}
