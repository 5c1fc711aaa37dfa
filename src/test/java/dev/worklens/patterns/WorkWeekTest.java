package dev.worklens.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.system.WorkWeek;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WORK_HOURS and WORK_DAYS")
class WorkWeekTest {

    @Test
    @DisplayName("defaults: 08:59:59 and 18:00:00 are after hours, 09:00:00 and 17:59:59 are not; weekends are")
    void boundaries() {
        WorkWeek w = WorkWeek.DEFAULT;
        assertThat(w.afterHours(LocalDateTime.parse("2026-11-02T08:59:59"))).isTrue();
        assertThat(w.afterHours(LocalDateTime.parse("2026-11-02T09:00:00"))).isFalse();
        assertThat(w.afterHours(LocalDateTime.parse("2026-11-02T17:59:59"))).isFalse();
        assertThat(w.afterHours(LocalDateTime.parse("2026-11-02T18:00:00"))).isTrue();
        assertThat(w.afterHours(LocalDateTime.parse("2026-11-07T12:00:00"))).isTrue();
        assertThat(w.hoursText()).isEqualTo("09:00-18:00");
        assertThat(w.daysText()).isEqualTo("MON-FRI");
    }

    @Test
    @DisplayName("parses runs that wrap the week, lists, full names and single-digit hours; says what is wrong")
    void parsing() {
        List<String> problems = new ArrayList<>();
        WorkWeek w = WorkWeek.parse("8:30 - 16:45", "sun-thu", problems);
        assertThat(problems).isEmpty();
        assertThat(w.start()).isEqualTo(LocalTime.of(8, 30));
        assertThat(w.end()).isEqualTo(LocalTime.of(16, 45));
        assertThat(w.days())
                .containsExactlyInAnyOrder(
                        DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
        assertThat(w.daysText()).isEqualTo("SUN-THU");
        assertThat(WorkWeek.parse("09:00-18:00", "MON,WED,Friday", problems).daysText())
                .isEqualTo("MON,WED,FRI");
        assertThat(problems).isEmpty();
        WorkWeek bad = WorkWeek.parse("18:00-09:00", "MON-FUNDAY", problems);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("WORK_HOURS").contains("18:00-09:00");
        assertThat(problems.get(1)).contains("WORK_DAYS").contains("MON-FUNDAY");
        assertThat(bad).isEqualTo(WorkWeek.DEFAULT);
    }
}
