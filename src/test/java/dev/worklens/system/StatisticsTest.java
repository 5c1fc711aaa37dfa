package dev.worklens.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The one median and hour count of the report and the insights")
class StatisticsTest {

    @Test
    @DisplayName("the median is the middle value, or the mean of the middle two, unrounded; unknown values are skipped")
    void median() {
        assertThat(Statistics.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
        assertThat(Statistics.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        assertThat(Statistics.median(List.of(1.0, 2.0))).isEqualTo(1.5);
        assertThat(Statistics.median(Arrays.asList(null, 7.25, null))).isEqualTo(7.25);
        assertThat(Statistics.median(List.of())).isNull();
    }

    @Test
    @DisplayName("hours between two instants count seconds, and are unknown when either is missing or runs backwards")
    void hoursBetween() {
        Instant t = Instant.parse("2026-11-02T09:00:00Z");

        assertThat(Statistics.hoursBetween(t, t.plusSeconds(5_430)))
                .isEqualTo(1.508333, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Statistics.hoursBetween(t, null)).isNull();
        assertThat(Statistics.hoursBetween(t, t.minusSeconds(1))).isNull();
    }
}
