package dev.worklens.report.api;

import dev.worklens.patterns.Span;
import dev.worklens.patterns.TeamHealth;
import dev.worklens.patterns.TeamHealthBuilder;
import dev.worklens.report.core.ReportPeriod;
import dev.worklens.report.core.ReportRequest;
import dev.worklens.system.Settings;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.Operator;
import dev.worklens.team.Roster;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/team/health} of API.md: the team half of PRODUCT.md §14 for an operator's roster. */
@RestController
class TeamHealthApi {

    private final CurrentOperator current;
    private final Roster roster;
    private final ReportRequest request;
    private final TeamHealthBuilder builder;
    private final Settings settings;

    TeamHealthApi(
            CurrentOperator current,
            Roster roster,
            ReportRequest request,
            TeamHealthBuilder builder,
            Settings settings) {
        this.current = current;
        this.roster = roster;
        this.request = request;
        this.builder = builder;
        this.settings = settings;
    }

    record Json(
            LocalDate from,
            LocalDate to,
            String timezone,
            List<MemberJson> members,
            List<TeamHealth.ReviewCount> reviews,
            Concentration reviewConcentration,
            List<Silo> singleOwnerRepos,
            List<TeamHealth.WeekTrend> weeklyAfterHours) {}

    /**
     * The {@code patterns} figures beside the member id, as API.md shows; null when
     * ENABLE_BURNOUT_DETECTION is off.
     */
    record MemberJson(
            long memberId,
            String displayName,
            String timezone,
            Long events,
            Long afterHours,
            Double afterHoursShare,
            Long weekendDaysActive,
            Long activeDays,
            Long longestActiveStreakDays,
            Long lateNight,
            PatternsJson.Previous previous,
            long reviewsGiven,
            long reviewsReceived) {

        static MemberJson of(TeamHealth.MemberHealth m) {
            PatternsJson p = PatternsJson.of(m.rhythm());
            boolean on = p != null;
            return new MemberJson(
                    m.member().id(),
                    m.member().displayName(),
                    on ? p.timezone() : null,
                    on ? p.events() : null,
                    on ? p.afterHours() : null,
                    on ? p.afterHoursShare() : null,
                    on ? p.weekendDaysActive() : null,
                    on ? p.activeDays() : null,
                    on ? p.longestActiveStreakDays() : null,
                    on ? p.lateNight() : null,
                    on ? p.previous() : null,
                    m.reviewsGiven(),
                    m.reviewsReceived());
        }
    }

    record Concentration(long reviews, Long busiestReviewerId, double busiestReviewerShare, double gini) {}

    record Silo(String repo, long memberId, double share, long pullRequests, long teamPullRequests) {}

    @GetMapping("/api/team/health")
    Json health(
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String timezone) {
        if (!settings.patterns().orgAnalytics()) {
            throw new ApiException(
                    HttpStatus.NOT_FOUND, "not_found", "Team health is switched off (ENABLE_ORG_ANALYTICS=false).");
        }
        Operator op = current.forApi(operator);
        ReportPeriod period = request.period(from, to, null, timezone);
        TeamHealth h =
                builder.build(op.id(), roster.members(op.id()), new Span(period.from(), period.to(), period.zone()));
        var c = h.concentration();
        return new Json(
                period.from(),
                period.to(),
                period.zone().getId(),
                h.members().stream().map(MemberJson::of).toList(),
                h.reviews(),
                new Concentration(c.total(), c.busiestReviewerId(), c.busiestShare(), c.gini()),
                h.singleOwnerRepos().stream()
                        .map(s -> new Silo(s.repo(), s.memberId(), s.share(), s.pullRequests(), s.teamPullRequests()))
                        .toList(),
                h.weeklyAfterHours());
    }
}
