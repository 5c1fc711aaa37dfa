package dev.worklens.patterns;

import dev.worklens.activity.OwnActivityHours;
import dev.worklens.sync.SyncedRanges;
import dev.worklens.system.Settings;
import dev.worklens.system.WorkWeek;
import dev.worklens.team.Member;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Working rhythms of members over a span and the span before it, counted in the database: one
 * query per distinct time zone among the members, and one more for the heat map. The period
 * before is compared only when syncs covered it. Nothing is computed when
 * {@code ENABLE_BURNOUT_DETECTION} is off.
 */
@Component
public class MemberRhythms {

    private final OwnActivityHours hours;
    private final WorkWeeks weeks;
    private final Settings settings;
    private final SyncedRanges synced;

    MemberRhythms(OwnActivityHours hours, WorkWeeks weeks, Settings settings, SyncedRanges synced) {
        this.hours = hours;
        this.weeks = weeks;
        this.settings = settings;
        this.synced = synced;
    }

    public boolean enabled() {
        return settings.patterns().burnoutDetection();
    }

    public Optional<Rhythm> of(Member member, Span span) {
        if (!enabled()) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                rhythms(member.operatorId(), List.of(member), span, true).get(member.id()));
    }

    /** By member id, in the members' order; empty when the switch is off. */
    public Map<Long, Rhythm> team(long operatorId, List<Member> members, Span span) {
        return rhythms(operatorId, members, span, true);
    }

    /**
     * As {@link #team} without counting the heat map ({@link Rhythm#hourOfWeek()} all zero): the
     * team health page shows none, and it is a second pass over every member's events.
     */
    public Map<Long, Rhythm> teamWithoutHeatMap(long operatorId, List<Member> members, Span span) {
        return rhythms(operatorId, members, span, false);
    }

    private Map<Long, Rhythm> rhythms(long operatorId, List<Member> members, Span span, boolean heatMap) {
        Map<Long, Rhythm> result = new LinkedHashMap<>();
        if (!enabled() || members.isEmpty()) {
            return result;
        }
        WorkWeek week = weeks.of(operatorId);
        Span before = span.previous();
        Map<ZoneId, List<Member>> byZone = members.stream()
                .collect(Collectors.groupingBy(m -> m.zoneOr(span.zone()), LinkedHashMap::new, Collectors.toList()));
        Map<Long, RhythmCounter> counters = new LinkedHashMap<>();
        members.forEach(m -> counters.put(m.id(), new RhythmCounter(span, week)));
        byZone.forEach((zone, group) -> {
            List<Long> ids = group.stream().map(Member::id).toList();
            hours.days(ids, before.start(), span.end(), span.start(), zone, week.start(), week.end())
                    .forEach(d -> counters.get(d.memberId()).add(d));
            if (heatMap) {
                hours.hoursOfWeek(ids, span.start(), span.end(), zone)
                        .forEach(h -> counters.get(h.memberId()).add(h));
            }
        });
        Set<Long> previousSynced =
                synced.covering(members.stream().map(Member::id).toList(), before.start(), before.end(), span.zone());
        for (Member m : members) {
            ZoneId zone = m.zoneOr(span.zone());
            boolean known = m.zoneOr(null) != null;
            result.put(
                    m.id(), counters.get(m.id()).rhythm(m.id(), zone.getId(), known, previousSynced.contains(m.id())));
        }
        return result;
    }
}
