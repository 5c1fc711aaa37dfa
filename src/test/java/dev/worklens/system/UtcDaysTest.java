package dev.worklens.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Whole UTC days inside a period")
class UtcDaysTest {

    @Test
    @DisplayName("a period of Asia/Kolkata days keeps its partial first and last UTC day out")
    void partial() {
        var days = UtcDays.within(Instant.parse("2026-10-31T18:30:00Z"), Instant.parse("2026-11-03T18:30:00Z"));
        assertThat(days.first()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(days.endDay()).isEqualTo(LocalDate.parse("2026-11-03"));
        assertThat(days.any()).isTrue();
        assertThat(days.partial()).isTrue();
        assertThat(days.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(days.to()).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
    }

    @Test
    @DisplayName("a period of UTC days is all whole days; a period inside one UTC day has none")
    void wholeAndNone() {
        var utc = UtcDays.within(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-08T00:00:00Z"));
        assertThat(utc.any()).isTrue();
        assertThat(utc.partial()).isFalse();
        var hours = UtcDays.within(Instant.parse("2026-11-01T02:00:00Z"), Instant.parse("2026-11-01T20:00:00Z"));
        assertThat(hours.any()).isFalse();
    }
}
