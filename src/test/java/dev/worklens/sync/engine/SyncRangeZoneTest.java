package dev.worklens.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.sync.SyncRange;
import dev.worklens.sync.SyncState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A sync's days are cut in the report's zone, so they fetch the same instants as a report of those days. */
@DisplayName("Sync ranges in the report's zone")
class SyncRangeZoneTest {

    static final LocalDate FROM = LocalDate.parse("2026-10-26");
    static final LocalDate TO = LocalDate.parse("2026-11-01");

    @Test
    @DisplayName(
            "in UTC+14 the first day starts ten hours before its UTC date; in UTC−10 the last ends ten hours after")
    void cutInTheZone() {
        var kiritimati = new SyncRange(FROM, TO, ZoneId.of("Pacific/Kiritimati"));
        assertThat(kiritimati.start()).isEqualTo(Instant.parse("2026-10-25T10:00:00Z"));
        assertThat(kiritimati.endExclusive()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));

        var honolulu = new SyncRange(FROM, TO, ZoneId.of("Pacific/Honolulu"));
        assertThat(honolulu.start()).isEqualTo(Instant.parse("2026-10-26T10:00:00Z"));
        assertThat(honolulu.endExclusive()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
        assertThat(honolulu.contains(Instant.parse("2026-11-02T09:59:59Z"))).isTrue();
        assertThat(honolulu.contains(Instant.parse("2026-11-02T10:00:00Z"))).isFalse();
    }

    @Test
    @DisplayName(
            "Berlin's last October day has 25 hours: the range ends at local midnight, not 24 hours after its start")
    void daylightSaving() {
        var berlin =
                new SyncRange(LocalDate.parse("2026-10-25"), LocalDate.parse("2026-10-25"), ZoneId.of("Europe/Berlin"));
        assertThat(Duration.between(berlin.start(), berlin.endExclusive())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    @DisplayName("a running job reads its stored dates as days of the report's zone")
    void runningJob() {
        var job = new JobView(
                1,
                1,
                SyncState.RUNNING,
                "me",
                List.of("slack"),
                FROM,
                TO,
                "overview",
                null,
                false,
                null,
                Instant.EPOCH,
                null,
                null,
                List.of());
        var running = new RunningJob(
                job,
                null,
                "runner",
                null,
                Clock.systemUTC(),
                Duration.ofSeconds(5),
                () -> false,
                ZoneId.of("Asia/Ho_Chi_Minh"));

        assertThat(running.range().start()).isEqualTo(Instant.parse("2026-10-25T17:00:00Z"));
        assertThat(running.range().endExclusive()).isEqualTo(Instant.parse("2026-11-01T17:00:00Z"));
    }
}
