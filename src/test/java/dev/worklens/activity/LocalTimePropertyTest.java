package dev.worklens.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The offsets written into the rhythm query place every instant at the local time java.time
 * gives, in zones with and without daylight saving, in the weeks around each change.
 */
class LocalTimePropertyTest {

    static final List<String> ZONES = List.of(
            "Pacific/Kiritimati",
            "Pacific/Honolulu",
            "Europe/Berlin",
            "America/New_York",
            "Australia/Lord_Howe",
            "America/St_Johns",
            "Asia/Kolkata",
            "Pacific/Chatham");

    /** A zone, a week around one of its offset changes in 2020–2030 (or any week when it has none), and an instant in it. */
    record Case(ZoneId zone, Instant weekStart, Instant at) {}

    @Provide
    Arbitrary<Case> dstWeeks() {
        return Arbitraries.of(ZONES).flatMap(id -> {
            ZoneId zone = ZoneId.of(id);
            List<Instant> starts = new ArrayList<>();
            Instant from = Instant.parse("2020-01-01T00:00:00Z");
            for (ZoneOffsetTransition t = zone.getRules().nextTransition(from);
                    t != null && t.getInstant().isBefore(Instant.parse("2030-12-31T00:00:00Z"));
                    t = zone.getRules().nextTransition(t.getInstant())) {
                starts.add(t.getInstant().minus(3, ChronoUnit.DAYS));
            }
            if (starts.isEmpty()) {
                starts.add(Instant.parse("2026-11-01T00:00:00Z"));
            }
            return Combinators.combine(
                            Arbitraries.of(starts), Arbitraries.longs().between(0, 7 * 86_400 - 1))
                    .as((start, second) -> new Case(zone, start, start.plusSeconds(second)));
        });
    }

    @Property(tries = 2000)
    void theQueryOffsetIsTheZonesOffset(@ForAll("dstWeeks") Case c) {
        Instant end = c.weekStart().plus(7, ChronoUnit.DAYS);
        long e = c.at().getEpochSecond();
        int offset = OwnActivityHours.offsetSteps(c.zone().getRules(), c.weekStart(), end).stream()
                .filter(s -> e < s.untilEpochSecond())
                .findFirst()
                .orElseThrow()
                .offsetSeconds();
        // the query's arithmetic: local second = e + offset; day = floor(/86400); second of day = rest
        long local = e + offset;
        long day = Math.floorDiv(local, 86_400);
        long secondOfDay = local - day * 86_400;
        LocalDateTime expected = LocalDateTime.ofInstant(c.at(), c.zone());
        assertThat(LocalDateTime.ofEpochSecond(day * 86_400 + secondOfDay, 0, ZoneOffset.UTC))
                .isEqualTo(expected);
        assertThat(OwnActivityHours.offsetCase(c.zone().getRules(), c.weekStart(), end))
                .contains(Integer.toString(offset));
    }
}
