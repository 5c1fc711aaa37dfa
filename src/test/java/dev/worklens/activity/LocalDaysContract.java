package dev.worklens.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.activity.OwnActivityHours.Day;
import dev.worklens.activity.OwnActivityHours.HourOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The day tallies give exactly the rows the events give ({@link OwnActivityHours#countedDays}, the
 * definition), over random events, zones with odd offsets and daylight saving, spans cut in
 * another zone and working hours; and every kind of write is in the next read. Runs on H2 and on
 * PostgreSQL through its subclasses.
 */
abstract class LocalDaysContract {

    static final List<String> ZONES = List.of(
            "Pacific/Kiritimati",
            "Pacific/Honolulu",
            "Asia/Kolkata",
            "Asia/Kathmandu",
            "Europe/Berlin",
            "America/New_York",
            "UTC");

    static final String[] KINDS = {"discussion", "thread_reply", "standup", "pull_request", "review", "commit", "issue"
    };

    /** Member ids no other test uses: work_units has no foreign key to the roster. */
    static final AtomicLong IDS = new AtomicLong(7_000_000 + new Random().nextInt(1_000_000) * 10L);

    @Autowired
    OwnActivityHours hours;

    @Autowired
    WorkUnits units;

    @Autowired
    KeyedUnits keyed;

    @Autowired
    MemberUnitRemoval removal;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaleMemberData stale;

    final AtomicLong keys = new AtomicLong();

    @Test
    @DisplayName("over random events, zones, spans and working hours the tallies give the counted rows")
    void randomCases() {
        Random random = new Random(16);
        for (int c = 0; c < 40; c++) {
            ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
            ZoneId reportZone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
            Instant around = aroundTransition(zone, random);
            List<Long> members = List.of(IDS.incrementAndGet(), IDS.incrementAndGet());
            for (long m : members) {
                events(m, around, 80, 40, random);
            }
            LocalDate to = LocalDate.ofInstant(around, reportZone).plusDays(random.nextInt(20) - 10);
            LocalDate from = to.minusDays(random.nextInt(30));
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            Instant start = from.atStartOfDay(reportZone).toInstant();
            Instant end = to.plusDays(1).atStartOfDay(reportZone).toInstant();
            Instant before = from.minusDays(days).atStartOfDay(reportZone).toInstant();
            LocalTime workStart = LocalTime.of(random.nextInt(12), random.nextInt(4) == 0 ? 30 : 0);
            LocalTime workEnd = LocalTime.of(12 + random.nextInt(12), random.nextInt(4) == 0 ? 45 : 0);
            String what = "case " + c + ": " + zone + ", span " + from + ".." + to + " in " + reportZone + ", hours "
                    + workStart + "-" + workEnd;

            assertThat(sorted(hours.days(members, before, end, start, zone, workStart, workEnd)))
                    .as(what)
                    .isEqualTo(sorted(hours.countedDays(members, before, end, start, zone, workStart, workEnd)));
            assertThat(summed(hours.hoursOfWeek(members, start, end, zone)))
                    .as(what)
                    .isEqualTo(summed(hours.countedHoursOfWeek(members, start, end, zone)));
        }
    }

    final ZoneId berlin = ZoneId.of("Europe/Berlin");
    final long member = IDS.incrementAndGet();
    final Instant around = Instant.parse("2026-10-25T01:00:00Z"); // Berlin leaves summer time
    final Instant from = around.minus(20, ChronoUnit.DAYS);
    final Instant to = around.plus(20, ChronoUnit.DAYS);

    void assertSame(ZoneId zone) {
        List<Long> ids = List.of(member);
        LocalTime start = LocalTime.of(9, 0);
        LocalTime end = LocalTime.of(18, 0);
        Instant split = around.minus(3, ChronoUnit.DAYS);
        assertThat(sorted(hours.days(ids, from, to, split, zone, start, end)))
                .isEqualTo(sorted(hours.countedDays(ids, from, to, split, zone, start, end)));
        assertThat(summed(hours.hoursOfWeek(ids, from, to, zone)))
                .isEqualTo(summed(hours.countedHoursOfWeek(ids, from, to, zone)));
        // and the whole days came from the tallies, in this zone
        assertThat(jdbc.sql("SELECT zone FROM activity_tallied_members WHERE member_id = ?")
                        .param(member)
                        .query(String.class)
                        .optional())
                .contains(zone.getId());
    }

    long total(ZoneId zone) {
        return hours.days(List.of(member), from, to, around, zone, LocalTime.of(9, 0), LocalTime.of(18, 0)).stream()
                .mapToLong(Day::events)
                .sum();
    }

    @Test
    @DisplayName("the next read sees units stored, updated and deleted by key prefix")
    void storedAndDeleted() {
        Random random = new Random(1);
        events(member, around, 50, 15, random);
        assertSame(berlin);
        long before = total(berlin);
        unit(member, "discussion", "authored", "slack:extra:1", around.plusSeconds(3600));
        assertThat(total(berlin)).isEqualTo(before + 1);
        assertSame(berlin);
        // the same unit stored again as someone else's message: no longer the member's own event
        unit(member, "discussion", "mentioned", "slack:extra:1", around.plusSeconds(3600));
        assertThat(total(berlin)).isEqualTo(before);
        unit(member, "standup", "authored", "slack:extra:2", around.minus(5, ChronoUnit.DAYS));
        assertThat(total(berlin)).isEqualTo(before + 1);
        keyed.delete("slack", "slack:extra:", null);
        assertThat(total(berlin)).isEqualTo(before);
        assertSame(berlin);
    }

    @Test
    @DisplayName(
            "the next read sees units written by comparing first (re-extraction), one of them moved to another day")
    void storedQuietly() {
        Random random = new Random(4);
        events(member, around, 50, 15, random);
        assertSame(berlin);
        long before = total(berlin);
        Instant first = around.minus(10, ChronoUnit.DAYS);
        units.storeQuietly(List.of(draft(member, "review", "authored", "slack:quiet:1", first)));
        assertThat(total(berlin)).isEqualTo(before + 1);
        units.storeQuietly(
                List.of(draft(member, "review", "authored", "slack:quiet:1", first.plus(9, ChronoUnit.DAYS))));
        assertThat(total(berlin)).isEqualTo(before + 1);
        assertSame(berlin);
    }

    @Test
    @DisplayName("the next read sees a member's units removed by key")
    void removed() {
        Random random = new Random(2);
        events(member, around, 50, 15, random);
        assertSame(berlin);
        List<String> keys = removal.of(member, "slack").stream()
                .map(MemberUnitRemoval.Ref::sourceKey)
                .toList();
        removal.delete(member, keys.subList(0, keys.size() / 2));
        assertSame(berlin);
        removal.delete(member, keys);
        assertThat(total(berlin)).isZero();
    }

    @Test
    @DisplayName("a removed member's data deleted by the cleanup takes their day tallies with it")
    void removedMember() {
        // these test ids are on no roster: to the cleanup they are removed members
        events(member, around, 30, 15, new Random(5));
        assertSame(berlin);
        assertThat(stale.delete(List.of(member)))
                .extracting(StaleMemberData.Counts::memberId)
                .containsExactly(member);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM activity_local_days WHERE member_id = ?")
                        .param(member)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(total(berlin)).isZero();
        assertSame(berlin);
    }

    @Test
    @DisplayName("the next read counts in another zone for the member, and in full after a load around the writers")
    void zoneChanged() {
        Random random = new Random(3);
        events(member, around, 60, 15, random);
        assertSame(berlin);
        assertSame(ZoneId.of("Asia/Kathmandu"));
        assertSame(ZoneId.of("America/New_York"));
        assertSame(berlin);
        hours.recount(List.of(member));
        hours.refresh(List.of(member), berlin);
        assertSame(berlin);
    }

    /** A moment within a week of one of the zone's offset changes in 2024–2027, or any moment then. */
    static Instant aroundTransition(ZoneId zone, Random random) {
        List<Instant> changes = new ArrayList<>();
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        for (ZoneOffsetTransition t = zone.getRules().nextTransition(from);
                t != null && t.getInstant().isBefore(Instant.parse("2027-12-31T00:00:00Z"));
                t = zone.getRules().nextTransition(t.getInstant())) {
            changes.add(t.getInstant());
        }
        Instant base = changes.isEmpty()
                ? from.plus(random.nextInt(4 * 365), ChronoUnit.DAYS)
                : changes.get(random.nextInt(changes.size()));
        return base.plusSeconds(random.nextLong(14 * 86_400L) - 7 * 86_400L);
    }

    /** {@code count} units around the moment, {@code days} either side, of every kind and role. */
    void events(long member, Instant around, int count, int days, Random random) {
        List<WorkUnitDraft> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = around.plusSeconds(random.nextLong(2L * days * 86_400) - days * 86_400L);
            String kind = KINDS[random.nextInt(KINDS.length)];
            String role = random.nextInt(5) == 0 ? "mentioned" : "authored";
            drafts.add(draft(member, kind, role, "slack:k:" + keys.incrementAndGet(), at));
        }
        units.store(drafts);
    }

    void unit(long member, String kind, String role, String key, Instant at) {
        units.store(List.of(draft(member, kind, role, key, at)));
    }

    static WorkUnitDraft draft(long member, String kind, String role, String key, Instant at) {
        return new WorkUnitDraft(member, "slack", UnitKind.of(kind), role, key, at, "t", "t", null, "c", null);
    }

    static List<Day> sorted(List<Day> days) {
        return days.stream()
                .sorted(Comparator.comparingLong(Day::memberId)
                        .thenComparing(Day::day)
                        .thenComparing(Day::current))
                .toList();
    }

    /** Per member, day of the week and hour: the counts summed, as the heat map adds them. */
    static Map<String, Long> summed(List<HourOfWeek> rows) {
        Map<String, Long> sums = new TreeMap<>();
        rows.forEach(h -> sums.merge(h.memberId() + " " + h.dayOfWeek() + " " + h.hour(), h.events(), Long::sum));
        return sums;
    }
}
