package dev.worklens.devtrack.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Cell colour → status, by hue")
class SkillStatusTest {

    @ParameterizedTest(name = "{0} ({1}) is {2}")
    @CsvSource({
        "b6d7a8, light green 2, VETTED",
        "d9ead3, light green 3, VETTED",
        "93c47d, light green 1, VETTED",
        "6aa84f, dark green 1, VETTED",
        "00ff00, green, VETTED",
        "34a853, Google green, VETTED",
        "57bb8a, sheets table green, VETTED",
        "9fc5e8, light blue 2, IN_PROGRESS",
        "cfe2f3, light blue 3, IN_PROGRESS",
        "a4c2f4, light cornflower blue 2, IN_PROGRESS",
        "4a86e8, cornflower blue, IN_PROGRESS",
        "0000ff, blue, IN_PROGRESS",
        "00ffff, cyan, IN_PROGRESS",
        "b4a7d6, light purple 2, PROPOSED",
        "d9d2e9, light purple 3, PROPOSED",
        "9900ff, purple, PROPOSED",
        "8e7cc3, light purple 1, PROPOSED",
        "ffe599, light yellow 2, FOCUS",
        "fff2cc, light yellow 3, FOCUS",
        "ffff00, yellow, FOCUS",
        "f1c232, dark yellow 1, FOCUS",
        "ffd966, light yellow 1, FOCUS",
        "ffffff, white, NOT_STARTED",
        "fdfdfd, almost white, NOT_STARTED",
        "f3f3f3, light grey 3, NOT_STARTED",
        "cccccc, grey, NOT_STARTED",
        "000000, black, NOT_STARTED",
        "f4fff0, very light green tint, NOT_STARTED",
        "ff0000, red, NOT_STARTED",
        "f4cccc, light red 3, NOT_STARTED",
    })
    void hue(String hex, String name, SkillStatus expected) {
        int rgb = Integer.parseInt(hex, 16);
        assertThat(SkillStatus.ofColour(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "palette colour of {0} reads back as {0}")
    @CsvSource({"VETTED", "IN_PROGRESS", "PROPOSED", "FOCUS", "NOT_STARTED"})
    void paletteRoundTrips(SkillStatus status) {
        assertThat(SkillStatus.ofColour(status.red(), status.green(), status.blue()))
                .isEqualTo(status);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("no colour is not started; components the API leaves out count as zero")
    void missingComponents() {
        assertThat(SkillStatus.ofColour(null, null, null)).isEqualTo(SkillStatus.NOT_STARTED);
        assertThat(SkillStatus.ofColour(null, 1f, null)).isEqualTo(SkillStatus.VETTED);
        assertThat(SkillStatus.ofColour(null, null, 1f)).isEqualTo(SkillStatus.IN_PROGRESS);
    }
}
