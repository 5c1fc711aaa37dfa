package dev.worklens.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.sync.schedule.NextRun;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Next run of a weekly schedule")
class NextRunTest {

    static final Set<DayOfWeek> WEEKDAYS =
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    @DisplayName("weekdays 07:30 Asia/Ho_Chi_Minh fires at 00:30 UTC and skips the weekend")
    void hoChiMinh() {
        ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
        Instant friday = Instant.parse("2026-11-27T01:00:00Z"); // Fri 08:00 local, after today's run
        assertThat(NextRun.after(WEEKDAYS, LocalTime.of(7, 30), zone, friday))
                .isEqualTo(Instant.parse("2026-11-30T00:30:00Z")); // Monday
        assertThat(NextRun.after(WEEKDAYS, LocalTime.of(7, 30), zone, Instant.parse("2026-11-30T00:29:59Z")))
                .isEqualTo(Instant.parse("2026-11-30T00:30:00Z"));
        assertThat(NextRun.after(WEEKDAYS, LocalTime.of(7, 30), zone, Instant.parse("2026-11-30T00:30:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T00:30:00Z"));
    }

    @Test
    @DisplayName("keeps the local time across a DST change (Berlin, March and October 2026)")
    void keepsLocalTimeAcrossDst() {
        Set<DayOfWeek> daily = EnumSet.allOf(DayOfWeek.class);
        assertThat(NextRun.after(daily, LocalTime.of(7, 30), BERLIN, Instant.parse("2026-03-28T07:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-29T05:30:00Z")); // CEST, UTC+2
        assertThat(NextRun.after(daily, LocalTime.of(7, 30), BERLIN, Instant.parse("2026-10-24T07:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-25T06:30:00Z")); // back to CET, UTC+1
    }

    @Test
    @DisplayName("a time inside the spring-forward gap fires right after the gap, once")
    void gap() {
        Set<DayOfWeek> sunday = EnumSet.of(DayOfWeek.SUNDAY);
        // 2026-03-08 New York jumps from 02:00 to 03:00: 02:30 does not exist that day
        Instant next = NextRun.after(sunday, LocalTime.of(2, 30), NEW_YORK, Instant.parse("2026-03-07T12:00:00Z"));
        assertThat(next).isEqualTo(Instant.parse("2026-03-08T07:30:00Z")); // 03:30 EDT
        assertThat(NextRun.after(sunday, LocalTime.of(2, 30), NEW_YORK, next))
                .isEqualTo(Instant.parse("2026-03-15T06:30:00Z"));
    }

    @Test
    @DisplayName("a time that occurs twice in the autumn overlap fires once, at the first occurrence")
    void overlap() {
        Set<DayOfWeek> daily = EnumSet.allOf(DayOfWeek.class);
        // 2026-11-01 New York repeats 01:00–02:00
        Instant first = NextRun.after(daily, LocalTime.of(1, 30), NEW_YORK, Instant.parse("2026-10-31T12:00:00Z"));
        assertThat(first).isEqualTo(Instant.parse("2026-11-01T05:30:00Z")); // 01:30 EDT
        assertThat(NextRun.after(daily, LocalTime.of(1, 30), NEW_YORK, first))
                .isEqualTo(Instant.parse("2026-11-02T06:30:00Z")); // next day 01:30 EST, not 01:30 EST the same day
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(List.of(
                        "Europe/Berlin",
                        "America/New_York",
                        "Asia/Ho_Chi_Minh",
                        "Australia/Lord_Howe",
                        "America/Santiago",
                        "Pacific/Chatham",
                        "Asia/Tehran",
                        "Europe/London",
                        "UTC"))
                .map(ZoneId::of);
    }

    @Provide
    Arbitrary<Set<DayOfWeek>> days() {
        return Arbitraries.of(DayOfWeek.values())
                .set()
                .ofMinSize(1)
                .map(s -> s.isEmpty() ? Set.of() : EnumSet.copyOf(s));
    }

    @Property(tries = 400)
    @Label("the next run is after 'after', on a chosen weekday at the local time, and none is skipped")
    void properties(
            @ForAll("zones") ZoneId zone,
            @ForAll("days") Set<DayOfWeek> days,
            @ForAll @IntRange(min = 0, max = 23) int hour,
            @ForAll @IntRange(min = 0, max = 59) int minute,
            @ForAll @LongRange(min = 1_700_000_000L, max = 1_900_000_000L) long epochSecond) {
        LocalTime time = LocalTime.of(hour, minute);
        Instant after = Instant.ofEpochSecond(epochSecond);
        Instant next = NextRun.after(days, time, zone, after);

        assertThat(next).isAfter(after);
        assertThat(Duration.between(after, next))
                .isLessThanOrEqualTo(Duration.ofDays(7).plusHours(3));
        ZonedDateTime local = next.atZone(zone);
        LocalDate day = ZonedDateTime.of(local.toLocalDate(), time, zone).toLocalDate();
        // the firing is the day's resolved local time: exact, or shifted forward by a gap
        ZonedDateTime resolved = ZonedDateTime.of(local.toLocalDate(), time, zone);
        ZonedDateTime resolvedDayBefore = ZonedDateTime.of(local.toLocalDate().minusDays(1), time, zone);
        assertThat(next).isIn(resolved.toInstant(), resolvedDayBefore.toInstant());
        assertThat(days)
                .contains(
                        next.equals(resolved.toInstant())
                                ? day.getDayOfWeek()
                                : day.minusDays(1).getDayOfWeek());
        // no chosen day's firing lies strictly between 'after' and 'next'
        for (LocalDate d = after.atZone(zone).toLocalDate().minusDays(1);
                !d.isAfter(local.toLocalDate());
                d = d.plusDays(1)) {
            if (days.contains(d.getDayOfWeek())) {
                Instant candidate = ZonedDateTime.of(d, time, zone).toInstant();
                assertThat(candidate.isAfter(after) && candidate.isBefore(next)).isFalse();
            }
        }
        // applied again it moves on: a firing happens once
        assertThat(NextRun.after(days, time, zone, next)).isAfter(next);
    }
}
