package dev.worklens.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.team.Member;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every rhythm figure against answers worked out by hand (in the comments: UTC → the member's
 * local time). Runs on H2 and on PostgreSQL through its subclasses.
 */
abstract class RhythmContract {

    static final ZoneId UTC = ZoneId.of("UTC");

    @Autowired
    ApplicationContext context;

    @Autowired
    MemberRhythms rhythms;

    @Autowired
    WorkWeeks weeks;

    RhythmFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new RhythmFixtures(context);
        fx.clear();
    }

    static Span span(String from, String to, ZoneId zone) {
        return new Span(LocalDate.parse(from), LocalDate.parse(to), zone);
    }

    Rhythm rhythm(Member m, Span span) {
        return rhythms.of(m, span).orElseThrow();
    }

    @Test
    @DisplayName(
            "UTC+14 (Pacific/Kiritimati): the boundaries of working hours, late night, a weekend, the period before")
    void kiritimati() {
        Member kiri = fx.member("Kiri", null, "Pacific/Kiritimati");
        fx.event(kiri, "discussion", "2026-11-01T18:59:59Z"); // Mon 11-02 08:59:59, previous period: after hours
        fx.event(kiri, "discussion", "2026-11-02T00:00:00Z"); // Mon 11-02 14:00 within
        fx.event(kiri, "standup", "2026-11-02T19:00:00Z"); // Tue 11-03 09:00:00 within
        fx.event(kiri, "pull_request", "2026-11-03T03:59:59Z"); // Tue 11-03 17:59:59 within
        fx.event(kiri, "review", "2026-11-03T04:00:00Z"); // Tue 11-03 18:00:00 after
        fx.event(kiri, "thread_reply", "2026-11-03T18:59:59Z"); // Wed 11-04 08:59:59 after
        fx.event(kiri, "discussion", "2026-11-04T12:30:00Z"); // Thu 11-05 02:30 after, late night
        fx.event(kiri, "discussion", "2026-11-06T20:00:00Z"); // Sat 11-07 10:00 after, non-working day
        fx.event(kiri, "discussion", "2026-11-08T23:59:59Z"); // Mon 11-09 13:59:59 within (last instant of range)
        // not the member's own events: a mention, a commit, an issue, and an event after the range
        fx.unit(kiri, "discussion", "mentioned", "2026-11-03T01:00:00Z");
        fx.event(kiri, "commit", "2026-11-03T01:00:00Z");
        fx.event(kiri, "issue", "2026-11-03T01:00:00Z");
        fx.event(kiri, "discussion", "2026-11-09T00:00:00Z");

        Rhythm r = rhythm(kiri, span("2026-11-02", "2026-11-08", UTC));

        assertThat(r.timezone()).isEqualTo("Pacific/Kiritimati");
        assertThat(r.zoneKnown()).isTrue();
        // events 8; after e,f,g,h = 4 → 0.5; days 02,03,04,05,07,09 = 6; non-working 07; run 02..05 = 4; late g
        assertThat(r.current()).isEqualTo(new Figures(8, 4, 0.5, 1, 6, 4, 1));
        assertThat(r.previous()).isEqualTo(new Figures(1, 1, 1.0, 0, 1, 1, 0));
        assertThat(r.hourOfWeek()[0][14]).isEqualTo(1); // Mon 14:00
        assertThat(r.hourOfWeek()[0][13]).isEqualTo(1); // Mon 13:59:59 (11-09)
        assertThat(r.hourOfWeek()[0][8]).isZero(); // the 08:59:59 Monday event is the previous period's
        assertThat(r.hourOfWeek()[1][9]).isEqualTo(1);
        assertThat(r.hourOfWeek()[1][17]).isEqualTo(1);
        assertThat(r.hourOfWeek()[1][18]).isEqualTo(1);
        assertThat(r.hourOfWeek()[2][8]).isEqualTo(1);
        assertThat(r.hourOfWeek()[3][2]).isEqualTo(1);
        assertThat(r.hourOfWeek()[5][10]).isEqualTo(1);
        assertThat(r.busiestHourCount()).isEqualTo(1);
        // weeks of 11-02 and (the local day just past the span) 11-09, which lands in the last week
        assertThat(r.weeks()).containsExactly(LocalDate.parse("2026-11-02"));
        assertThat(r.weeklyEvents()).containsExactly(8L);
        assertThat(r.weeklyAfterHours()).containsExactly(4L);
    }

    @Test
    @DisplayName("the period before counts only when succeeded syncs together covered every day of it")
    void previousPeriodOnlyWhenSynced() {
        Member never = fx.memberNeverSynced("Nev", null, "Europe/Berlin");
        Member partly = fx.memberNeverSynced("Pat", null, "Europe/Berlin");
        Member pieced = fx.memberNeverSynced("Pia", null, "Europe/Berlin");
        Member failed = fx.memberNeverSynced("Fay", null, "Europe/Berlin");
        for (Member m : List.of(never, partly, pieced, failed)) {
            fx.event(m, "discussion", "2026-10-28T10:00:00Z"); // the period before
            fx.event(m, "discussion", "2026-11-03T10:00:00Z");
        }
        fx.synced(partly, "2026-10-29", "2026-11-08"); // misses 10-26..10-28
        fx.synced(pieced, "2026-10-20", "2026-10-28");
        fx.synced(pieced, "2026-10-29", "2026-11-08"); // adjacent ranges: covered together
        fx.synced(failed, "2026-10-01", "2026-11-08", "failed");
        Span span = span("2026-11-02", "2026-11-08", UTC);

        assertThat(rhythm(never, span).previous()).isNull();
        assertThat(rhythm(partly, span).previous()).isNull();
        assertThat(rhythm(failed, span).previous()).isNull();
        assertThat(rhythm(pieced, span).previous()).isEqualTo(new Figures(1, 0, 0.0, 0, 1, 1, 0));
        assertThat(rhythm(never, span).current().events()).isEqualTo(1);
    }

    @Test
    @DisplayName(
            "in UTC+14 a sync's days are the report's local days: the period before is covered by a sync of its local days")
    void previousPeriodCoveredInKiritimati() {
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        Member shortOf = fx.memberNeverSynced("Sho", null, "Europe/Berlin");
        Member whole = fx.memberNeverSynced("Who", null, "Europe/Berlin");
        // the period before is local 10-26..11-01, 10-25T10:00Z..11-01T10:00Z; the engine cuts a
        // sync's days in the same zone, so a sync of those local days fetched exactly that
        fx.synced(shortOf, "2026-10-27", "2026-11-08"); // one local day short
        fx.synced(whole, "2026-10-26", "2026-11-08");
        Span span = span("2026-11-02", "2026-11-08", kiritimati);

        assertThat(rhythm(shortOf, span).previous()).isNull();
        assertThat(rhythm(whole, span).previous()).isNotNull();
    }

    @Test
    @DisplayName(
            "in UTC−10 a sync's days are the report's local days: the last local day of the period before must be synced")
    void previousPeriodCoveredInHonolulu() {
        ZoneId honolulu = ZoneId.of("Pacific/Honolulu");
        Member shortOf = fx.memberNeverSynced("Sho", null, "Europe/Berlin");
        Member whole = fx.memberNeverSynced("Who", null, "Europe/Berlin");
        Member pieced = fx.memberNeverSynced("Pia", null, "Europe/Berlin");
        // the period before is local 10-26..11-01, 10-26T10:00Z..11-02T10:00Z
        fx.synced(shortOf, "2026-10-26", "2026-10-31"); // one local day short
        fx.synced(whole, "2026-10-26", "2026-11-01");
        fx.synced(pieced, "2026-10-26", "2026-10-29");
        fx.synced(pieced, "2026-10-30", "2026-11-01"); // adjacent days are adjacent instants
        Span span = span("2026-11-02", "2026-11-08", honolulu);

        assertThat(rhythm(shortOf, span).previous()).isNull();
        assertThat(rhythm(whole, span).previous()).isNotNull();
        assertThat(rhythm(pieced, span).previous()).isNotNull();
    }

    @Test
    @DisplayName("UTC−10 (Pacific/Honolulu): a local Sunday inside a UTC Monday, 04:59:59 late and 05:00 not")
    void honolulu() {
        Member hana = fx.member("Hana", null, "Pacific/Honolulu");
        fx.event(hana, "discussion", "2026-11-02T00:00:00Z"); // Sun 11-01 14:00 after, non-working
        fx.event(hana, "discussion", "2026-11-02T19:00:00Z"); // Mon 11-02 09:00 within
        fx.event(hana, "review", "2026-11-03T04:00:00Z"); // Mon 11-02 18:00 after
        fx.event(hana, "discussion", "2026-11-03T10:00:00Z"); // Tue 11-03 00:00:00 after, late
        fx.event(hana, "standup", "2026-11-03T14:59:59Z"); // Tue 11-03 04:59:59 after, late
        fx.event(hana, "discussion", "2026-11-03T15:00:00Z"); // Tue 11-03 05:00:00 after, not late

        Rhythm r = rhythm(hana, span("2026-11-02", "2026-11-08", UTC));

        // 6 events, 5 after → 0.833; days 01,02,03; non-working 01; run 3; late 2
        assertThat(r.current()).isEqualTo(new Figures(6, 5, 0.833, 1, 3, 3, 2));
        assertThat(r.previous()).isEqualTo(Figures.NONE);
        assertThat(r.hourOfWeek()[6][14]).isEqualTo(1);
        assertThat(r.hourOfWeek()[1][0]).isEqualTo(1);
        assertThat(r.hourOfWeek()[1][4]).isEqualTo(1);
        assertThat(r.hourOfWeek()[1][5]).isEqualTo(1);
        // the local Sunday 11-01 is before the span's first Monday: it counts in the first week
        assertThat(r.weeklyEvents()).containsExactly(6L);
    }

    @Test
    @DisplayName(
            "Europe/Berlin across the end of summer time: 08:59:59 and 18:00 by the offset of the day, 02:30 twice")
    void berlinSummerTimeEnds() {
        Member bea = fx.member("Bea", null, "Europe/Berlin");
        fx.event(bea, "discussion", "2026-10-23T06:59:59Z"); // Fri 08:59:59 CEST after
        fx.event(bea, "discussion", "2026-10-23T07:00:00Z"); // Fri 09:00:00 CEST within
        fx.event(bea, "discussion", "2026-10-25T00:30:00Z"); // Sun 02:30 CEST after, late
        fx.event(bea, "discussion", "2026-10-25T01:30:00Z"); // Sun 02:30 CET (again) after, late
        fx.event(bea, "discussion", "2026-10-26T07:59:59Z"); // Mon 08:59:59 CET after
        fx.event(bea, "discussion", "2026-10-26T08:00:00Z"); // Mon 09:00:00 CET within
        fx.event(bea, "discussion", "2026-10-26T16:59:59Z"); // Mon 17:59:59 CET within
        fx.event(bea, "discussion", "2026-10-26T17:00:00Z"); // Mon 18:00:00 CET after

        Rhythm r = rhythm(bea, span("2026-10-19", "2026-11-01", UTC));

        // 8 events, 5 after → 0.625; days 23, 25, 26; non-working 25; run 25–26 = 2; late 2
        assertThat(r.current()).isEqualTo(new Figures(8, 5, 0.625, 1, 3, 2, 2));
        assertThat(r.hourOfWeek()[6][2]).isEqualTo(2);
        assertThat(r.hourOfWeek()[4][8]).isEqualTo(1);
        assertThat(r.hourOfWeek()[0][8]).isEqualTo(1);
        assertThat(r.hourOfWeek()[0][18]).isEqualTo(1);
        assertThat(r.weeklyEvents()).containsExactly(4L, 4L);
        assertThat(r.weeklyAfterHours()).containsExactly(3L, 2L);
    }

    @Test
    @DisplayName("America/New_York across the start of daylight time: the skipped hour, and the boundaries after it")
    void newYorkDaylightTimeStarts() {
        Member ned = fx.member("Ned", null, "America/New_York");
        fx.event(ned, "discussion", "2026-03-06T13:59:59Z"); // Fri 08:59:59 EST after
        fx.event(ned, "discussion", "2026-03-06T14:00:00Z"); // Fri 09:00:00 EST within
        fx.event(ned, "discussion", "2026-03-08T06:59:59Z"); // Sun 01:59:59 EST after, late
        fx.event(ned, "discussion", "2026-03-08T07:00:00Z"); // Sun 03:00:00 EDT after, late
        fx.event(ned, "discussion", "2026-03-08T09:00:00Z"); // Sun 05:00:00 EDT after
        fx.event(ned, "discussion", "2026-03-09T12:59:59Z"); // Mon 08:59:59 EDT after
        fx.event(ned, "discussion", "2026-03-09T13:00:00Z"); // Mon 09:00:00 EDT within
        fx.event(ned, "discussion", "2026-03-09T21:59:59Z"); // Mon 17:59:59 EDT within
        fx.event(ned, "discussion", "2026-03-09T22:00:00Z"); // Mon 18:00:00 EDT after

        Rhythm r = rhythm(ned, span("2026-03-02", "2026-03-15", UTC));

        // 9 events, 6 after → 0.667; days 06, 08, 09; non-working 08; run 2; late 2
        assertThat(r.current()).isEqualTo(new Figures(9, 6, 0.667, 1, 3, 2, 2));
        assertThat(r.hourOfWeek()[6][1]).isEqualTo(1);
        assertThat(r.hourOfWeek()[6][2]).isZero();
        assertThat(r.hourOfWeek()[6][3]).isEqualTo(1);
        assertThat(r.hourOfWeek()[0][17]).isEqualTo(1);
    }

    @Test
    @DisplayName("a member without a zone is counted in the report's zone, and the page says so")
    void noZone() {
        Member ola = fx.member("Ola", null, null);
        fx.event(ola, "discussion", "2026-11-02T08:59:59Z");
        fx.event(ola, "discussion", "2026-11-02T09:00:00Z");
        Rhythm r = rhythm(ola, span("2026-11-02", "2026-11-08", UTC));
        assertThat(r.timezone()).isEqualTo("UTC");
        assertThat(r.zoneKnown()).isFalse();
        assertThat(r.current()).isEqualTo(new Figures(2, 1, 0.5, 0, 1, 1, 0));
    }

    @Test
    @DisplayName("the operator's own working week: SUN-THU 08:00-16:30 changes what is after hours")
    void ownWorkWeek() {
        Member ola = fx.member("Ola", null, "UTC");
        assertThat(weeks.save(fx.operatorId(), "08:00-16:30", "SUN-THU")).isEmpty();
        fx.event(ola, "discussion", "2026-11-01T08:00:00Z"); // Sun 08:00 within
        fx.event(ola, "discussion", "2026-11-02T16:29:59Z"); // Mon 16:29:59 within
        fx.event(ola, "discussion", "2026-11-02T16:30:00Z"); // Mon 16:30 after
        fx.event(ola, "discussion", "2026-11-06T10:00:00Z"); // Fri: not a working day
        Rhythm r = rhythm(ola, span("2026-11-01", "2026-11-07", UTC));
        // days 01, 02, 06; non-working 06; run 01–02 = 2
        assertThat(r.current()).isEqualTo(new Figures(4, 2, 0.5, 1, 3, 2, 0));
        assertThat(weeks.save(fx.operatorId(), "18:00-09:00", "MON-FUNDAY")).hasSize(2);
    }

    @Test
    @DisplayName("one query for a team: members in different zones each get their own figures")
    void team() {
        Member kiri = fx.member("Kiri", null, "Pacific/Kiritimati");
        Member hana = fx.member("Hana", null, "Pacific/Honolulu");
        Member ola = fx.member("Ola", null, null);
        fx.event(kiri, "discussion", "2026-11-02T19:00:00Z"); // Tue 09:00 within
        fx.event(hana, "discussion", "2026-11-02T19:00:00Z"); // Mon 09:00 within
        fx.event(ola, "discussion", "2026-11-02T19:00:00Z"); // Mon 19:00 after
        var team = rhythms.team(
                fx.operatorId(), java.util.List.of(kiri, hana, ola), span("2026-11-02", "2026-11-08", UTC));
        assertThat(team.get(kiri.id()).current().afterHours()).isZero();
        assertThat(team.get(hana.id()).current().afterHours()).isZero();
        assertThat(team.get(ola.id()).current().afterHours()).isEqualTo(1);
        assertThat(team.get(kiri.id()).hourOfWeek()[1][9]).isEqualTo(1);
        assertThat(team.get(hana.id()).hourOfWeek()[0][9]).isEqualTo(1);
    }
}
