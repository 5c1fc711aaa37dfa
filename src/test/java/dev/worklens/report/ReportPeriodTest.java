package dev.worklens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklens.report.core.ReportPeriod;
import dev.worklens.system.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Report period")
class ReportPeriodTest {

    // 2026-11-20 20:00 UTC is already 2026-11-21 in Ho Chi Minh City
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T20:00:00Z"), ZoneId.of("UTC"));
    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    @DisplayName("defaults to the last 90 days ending today in the zone")
    void defaults() {
        var utc = ReportPeriod.parse(null, null, null, null, ZoneId.of("UTC"), CLOCK);
        assertThat(utc.to()).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(utc.from()).isEqualTo(LocalDate.parse("2026-08-23"));
        assertThat(utc.days()).isEqualTo(90);
        var hcm = ReportPeriod.parse(null, null, null, null, HCM, CLOCK);
        assertThat(hcm.to()).isEqualTo(LocalDate.parse("2026-11-21"));
        assertThat(ReportPeriod.parse(null, null, "7", "Asia/Ho_Chi_Minh", ZoneId.of("UTC"), CLOCK)
                        .from())
                .isEqualTo(LocalDate.parse("2026-11-15"));
    }

    @Test
    @DisplayName("inclusive dates become [midnight of from, midnight after to) in the zone")
    void instants() {
        var p = ReportPeriod.parse("2026-11-01", "2026-11-02", null, null, HCM, CLOCK);
        assertThat(p.start()).isEqualTo(Instant.parse("2026-10-31T17:00:00Z"));
        assertThat(p.end()).isEqualTo(Instant.parse("2026-11-02T17:00:00Z"));
    }

    @Test
    @DisplayName("two years is the longest range; to before from is refused")
    void limits() {
        assertThat(ReportPeriod.parse("2024-11-21", "2026-11-20", null, null, HCM, CLOCK)
                        .days())
                .isEqualTo(730);
        assertThatThrownBy(() -> ReportPeriod.parse("2024-11-01", "2026-11-20", null, null, HCM, CLOCK))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("at most two years");
        assertThatThrownBy(() -> ReportPeriod.parse("2026-11-20", "2026-11-19", null, null, HCM, CLOCK))
                .hasMessageContaining("before");
        assertThatThrownBy(() -> ReportPeriod.parse("yesterday", null, null, null, HCM, CLOCK))
                .hasMessageContaining("2026-11-20");
        assertThatThrownBy(() -> ReportPeriod.parse(null, null, "0", null, HCM, CLOCK))
                .hasMessageContaining("1 to 731");
    }
}
