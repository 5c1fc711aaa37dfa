package dev.worklens.patterns;

import dev.worklens.activity.OwnActivityHours;
import dev.worklens.system.Settings;
import dev.worklens.system.WorkWeek;
import dev.worklens.team.Member;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Working rhythms of members over a span and the span before it, counted in the database: one
 * query per distinct time zone among the members. Nothing is computed when
 * {@code ENABLE_BURNOUT_DETECTION} is off.
 */
@Component
public class MemberRhythms {

    private final OwnActivityHours hours;
    private final WorkWeeks weeks;
    private final Settings settings;

    MemberRhythms(OwnActivityHours hours, WorkWeeks weeks, Settings settings) {
        this.hours = hours;
        this.weeks = weeks;
        this.settings = settings;
    }

    public boolean enabled() {
        return settings.patterns().burnoutDetection();
    }

    public Optional<Rhythm> of(Member member, Span span) {
        if (!enabled()) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                team(member.operatorId(), List.of(member), span).get(member.id()));
    }

    /** By member id, in the members' order; empty when the switch is off. */
    public Map<Long, Rhythm> team(long operatorId, List<Member> members, Span span) {
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
        byZone.forEach((zone, group) -> hours.buckets(
                        group.stream().map(Member::id).toList(),
                        before.start(),
                        span.end(),
                        span.start(),
                        zone,
                        week.start(),
                        week.end())
                .forEach(b -> counters.get(b.memberId()).add(b)));
        for (Member m : members) {
            ZoneId zone = m.zoneOr(span.zone());
            boolean known = m.zoneOr(null) != null;
            result.put(m.id(), counters.get(m.id()).rhythm(m.id(), zone.getId(), known));
        }
        return result;
    }
}
