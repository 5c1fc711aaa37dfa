package dev.worklens.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The team overview's unit counts from the UTC-day tallies ({@link UnitDays}) against the same
 * counts from the units ({@link MemberUnits#teamCountsFromUnits}), over random units and periods
 * cut in zones whose days do not start at a UTC midnight, after every kind of write. Runs on H2
 * and on PostgreSQL through its subclasses.
 */
abstract class UnitDaysContract {

    static final List<String> ZONES = List.of(
            "UTC",
            "Asia/Kolkata",
            "Asia/Kathmandu",
            "Pacific/Kiritimati",
            "Pacific/Honolulu",
            "America/New_York",
            "Europe/Berlin");
    static final String[] KINDS = {"discussion", "thread_reply", "standup", "pull_request", "review", "commit", "issue"
    };
    static final String[] ROLES = {"authored", "authored", "authored", "mentioned", "channel"};
    static final Instant AROUND = Instant.parse("2026-10-25T12:00:00Z");

    /** Member ids no other test uses: work_units has no foreign key to the roster. */
    static final AtomicLong IDS = new AtomicLong(8_000_000 + new Random().nextInt(1_000_000) * 10L);

    @Autowired
    MemberUnits memberUnits;

    @Autowired
    WorkUnits units;

    @Autowired
    KeyedUnits keyed;

    @Autowired
    MemberUnitRemoval removal;

    @Autowired
    JdbcClient jdbc;

    final AtomicLong keys = new AtomicLong();

    void assertSameAsTheUnits(List<Long> members, Random random, int periods) {
        for (int i = 0; i < periods; i++) {
            ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
            LocalDate from = LocalDate.parse("2026-10-08").plusDays(random.nextInt(30));
            LocalDate to = from.plusDays(random.nextInt(i % 3 == 0 ? 3 : 30));
            Instant start = from.atStartOfDay(zone).toInstant();
            Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
            assertThat(memberUnits.teamCounts(members, start, end))
                    .as("%s … %s in %s", from, to, zone)
                    .isEqualTo(memberUnits.teamCountsFromUnits(members, start, end));
        }
    }

    void units(long member, int count, Random random) {
        List<WorkUnitDraft> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drafts.add(draft(member, random, "slack:u:" + keys.incrementAndGet(), at(random)));
        }
        units.store(drafts);
    }

    String keyOf(long member, long id) {
        return jdbc.sql("SELECT source_key FROM work_units WHERE member_id = ? AND id = ?")
                .params(member, id)
                .query(String.class)
                .single();
    }

    static Instant at(Random random) {
        return AROUND.plusSeconds(random.nextLong(40L * 86_400) - 20L * 86_400);
    }

    static WorkUnitDraft draft(long member, Random random, String key, Instant at) {
        String kind = KINDS[random.nextInt(KINDS.length)];
        String source = kind.equals("pull_request") || kind.equals("commit") ? "github" : "slack";
        return new WorkUnitDraft(
                member,
                source,
                UnitKind.of(kind),
                ROLES[random.nextInt(ROLES.length)],
                key,
                at,
                "t",
                "t",
                null,
                "c",
                null);
    }

    @Test
    @DisplayName("random units stored, re-stored with another role, kind or time, and deleted: the tallies count"
            + " what the units count, in every zone")
    void randomWrites() {
        Random random = new Random(17);
        List<Long> members = List.of(IDS.incrementAndGet(), IDS.incrementAndGet(), IDS.incrementAndGet());
        members.forEach(m -> units(m, 150, random));
        assertSameAsTheUnits(members, random, 40);

        // the same keys again with other roles and kinds, at their time (a key names its moment): a re-sync
        for (long m : members) {
            List<WorkUnitDraft> again = new ArrayList<>();
            for (MemberUnits.Shown unit : memberUnits.page(
                    m,
                    AROUND.minus(30, ChronoUnit.DAYS),
                    AROUND.plus(30, ChronoUnit.DAYS),
                    new MemberUnits.Selection("slack", null, null),
                    null,
                    null,
                    1000)) {
                if (random.nextInt(4) == 0) {
                    again.add(draft(m, random, keyOf(m, unit.id()), unit.at()));
                }
            }
            units.store(again);
        }
        assertSameAsTheUnits(members, random, 40);

        // written by comparing first, as re-extraction does
        long m0 = members.get(0);
        units.storeQuietly(List.of(draft(m0, random, "slack:quiet:1", AROUND.minus(3, ChronoUnit.DAYS))));
        units.storeQuietly(List.of(draft(m0, random, "slack:quiet:1", AROUND.plus(2, ChronoUnit.DAYS))));
        assertSameAsTheUnits(members, random, 20);

        // removed by key for one member, by key prefix for all
        List<String> refs = removal.of(members.get(1), "slack").stream()
                .map(MemberUnitRemoval.Ref::sourceKey)
                .toList();
        removal.delete(members.get(1), refs.subList(0, refs.size() / 2));
        assertSameAsTheUnits(members, random, 20);
        keyed.delete("slack", "slack:u:1", members);
        assertSameAsTheUnits(members, random, 20);
    }

    @Test
    @DisplayName("units written around activity's writers count after recountTeamCounts, as after a bulk load")
    void bulkLoad() {
        long member = IDS.incrementAndGet();
        Random random = new Random(5);
        units(member, 40, random);
        Instant start = AROUND.minus(30, ChronoUnit.DAYS);
        Instant end = AROUND.plus(30, ChronoUnit.DAYS);
        var before = memberUnits.teamCounts(List.of(member), start, end).get(member);
        jdbc.sql("INSERT INTO work_units (member_id, source, kind, role, source_key, occurred_at, title, body,"
                        + " content_hash, updated_at) VALUES (?, 'slack', 'standup', 'authored', 'slack:bulk:1', ?,"
                        + " 't', 't', 'h', ?)")
                .params(member, dev.worklens.system.db.Rows.utc(AROUND), dev.worklens.system.db.Rows.utc(AROUND))
                .update();
        assertThat(memberUnits.teamCounts(List.of(member), start, end).get(member))
                .isEqualTo(before);

        memberUnits.recountTeamCounts(List.of(member));
        assertThat(memberUnits
                        .teamCounts(List.of(member), start, end)
                        .get(member)
                        .standups())
                .isEqualTo(before.standups() + 1);
        assertSameAsTheUnits(List.of(member), random, 10);
    }
}
