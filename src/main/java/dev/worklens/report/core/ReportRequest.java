package dev.worklens.report.core;

import dev.worklens.system.Settings;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.OperatorScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** Turns the query parameters the API and the page share into a member and a period, or a 4xx. */
@Component
public class ReportRequest {

    private final OperatorScope scope;
    private final Settings settings;
    private final Clock clock;

    ReportRequest(OperatorScope scope, Settings settings, Clock clock) {
        this.scope = scope;
        this.settings = settings;
        this.clock = clock;
    }

    /** The member an API call asks for, if within reach of the operator it names (else 404). */
    public Member member(String operatorParam, long id) {
        return scope.memberForApi(operatorParam, id);
    }

    /** The member a page asks for, if within the signed-in operator's reach (else 404). */
    public Member member(Operator operator, long id) {
        return scope.member(operator, id);
    }

    public ReportPeriod period(String from, String to, String days, String timezone) {
        return ReportPeriod.parse(from, to, days, timezone, settings.app().reportTimezone(), clock);
    }

    public LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    public ReportPeriod defaultPeriod() {
        return ReportPeriod.lastDays(ReportPeriod.DEFAULT_DAYS, settings.app().reportTimezone(), clock);
    }
}
