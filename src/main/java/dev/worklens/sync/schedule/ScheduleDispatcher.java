package dev.worklens.sync.schedule;

import dev.worklens.sync.engine.DueSyncs;
import dev.worklens.sync.engine.JobRequest;
import dev.worklens.sync.engine.SyncRequests;
import dev.worklens.sync.engine.SyncStarter;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts what is due. Each firing is claimed with a guarded update first, so two instances (or
 * the app and a {@code sync-due} run) never start the same firing twice. A firing that cannot
 * start (the same sync still running, nobody left on the roster) is recorded on the schedule.
 */
@Component
public class ScheduleDispatcher implements DueSyncs {

    private static final Logger log = LoggerFactory.getLogger(ScheduleDispatcher.class);

    private final Schedules schedules;
    private final Operators operators;
    private final SyncRequests requests;
    private final SyncStarter starter;
    private final Clock clock;

    ScheduleDispatcher(
            Schedules schedules, Operators operators, SyncRequests requests, SyncStarter starter, Clock clock) {
        this.schedules = schedules;
        this.operators = operators;
        this.requests = requests;
        this.starter = starter;
        this.clock = clock;
    }

    @Override
    public Dispatched dispatchDue() {
        Instant now = clock.instant();
        List<Long> started = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Schedule schedule : schedules.due(now)) {
            Instant next = NextRun.after(schedule.days(), schedule.time(), schedule.zone(), now);
            if (!schedules.claim(schedule, now, next)) {
                continue;
            }
            try {
                long job = starter.start(request(schedule));
                schedules.recordRun(schedule.id(), job, null);
                started.add(job);
            } catch (ApiException e) {
                schedules.recordRun(schedule.id(), null, e.getMessage());
                errors.add("schedule " + schedule.id() + ": " + e.getMessage());
                log.warn("Schedule {} could not start: {}", schedule.id(), e.getMessage());
            }
        }
        return new Dispatched(started, errors);
    }

    private JobRequest request(Schedule schedule) {
        Operator operator = operators
                .find(schedule.operatorId())
                .orElseThrow(() -> ApiException.notFound("The schedule's operator"));
        List<Member> members = requests.storedMembers(operator, schedule.membersSpec());
        if (members.isEmpty()) {
            throw ApiException.invalid("members", "Nobody of this schedule is on the roster any more.");
        }
        return new JobRequest(
                operator,
                schedule.membersSpec(),
                members,
                schedule.sources(),
                requests.lastDays(schedule.rangeDays(), schedule.zone()),
                schedule.githubMode(),
                schedule.id());
    }
}
