package dev.worklens.report.core;

import dev.worklens.system.Settings;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.Member;
import dev.worklens.team.Roster;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Turns the query parameters the API and the page share into a member and a period, or a 4xx. */
@Component
public class ReportRequest {

    private final Roster roster;
    private final Settings settings;
    private final Clock clock;

    ReportRequest(Roster roster, Settings settings, Clock clock) {
        this.roster = roster;
        this.settings = settings;
        this.clock = clock;
    }

    public Member member(long id) {
        return roster.find(id)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.NOT_FOUND,
                        "not_found",
                        "Member " + id + " does not exist; GET /api/members lists them."));
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
