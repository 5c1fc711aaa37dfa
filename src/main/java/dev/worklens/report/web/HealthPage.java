package dev.worklens.report.web;

import dev.worklens.patterns.Figures;
import dev.worklens.patterns.Span;
import dev.worklens.patterns.TeamHealth;
import dev.worklens.patterns.TeamHealthBuilder;
import dev.worklens.report.core.ActivityCsv;
import dev.worklens.report.core.ReportPeriod;
import dev.worklens.report.core.ReportRequest;
import dev.worklens.system.Settings;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.Operator;
import dev.worklens.team.Roster;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Team health (PRODUCT.md §14): the roster's working rhythm, who reviews whom, review
 * concentration and knowledge silos. Not there at all when ENABLE_ORG_ANALYTICS is off.
 */
@Controller
class HealthPage {

    private final CurrentOperator current;
    private final Roster roster;
    private final ReportRequest request;
    private final TeamHealthBuilder builder;
    private final Settings settings;

    HealthPage(
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

    @GetMapping("/reports/health")
    String page(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String days,
            Model model,
            HttpServletResponse response) {
        requireEnabled();
        Operator operator = current.signedIn();
        ReportPeriod period;
        try {
            period = request.period(from, to, days, null);
        } catch (ApiException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("rangeError", e.getMessage() + " Showing the last 90 days instead.");
            period = request.defaultPeriod();
        }
        TeamHealth health = builder.build(operator.id(), roster.members(operator.id()), span(period));
        var links = RangeLinks.of(period, request.today(period.zone()), "/reports/health");
        model.addAttribute("period", period);
        model.addAttribute("ranges", links);
        model.addAttribute("health", HealthView.of(health));
        model.addAttribute("rhythmOn", settings.patterns().burnoutDetection());
        model.addAttribute("csv", "/reports/health.csv?" + links.query());
        return "report/health";
    }

    @GetMapping("/reports/health.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        requireEnabled();
        Operator operator = current.signedIn();
        ReportPeriod period;
        try {
            period = request.period(from, to, null, null);
        } catch (ApiException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        TeamHealth health = builder.build(operator.id(), roster.members(operator.id()), span(period));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("team-health-" + period.from() + "-" + period.to() + ".csv")
                                .build()
                                .toString())
                .body(csv(health));
    }

    static final String CSV_HEADER = "member_id,member,timezone,events,after_hours,after_hours_share,"
            + "weekend_days_active,active_days,longest_active_streak_days,late_night,previous_events,"
            + "previous_after_hours,previous_after_hours_share,previous_weekend_days_active,previous_active_days,"
            + "previous_longest_active_streak_days,previous_late_night,reviews_given,reviews_received,"
            + "single_owner_repos";

    static String csv(TeamHealth health) {
        var out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (var m : health.members()) {
            var r = m.rhythm();
            String silos = health.singleOwnerRepos().stream()
                    .filter(s -> s.memberId() == m.member().id())
                    .map(TeamHealth.SingleOwnerRepo::repo)
                    .collect(Collectors.joining(" "));
            Stream<String> figures = r == null
                    ? Stream.generate(() -> "").limit(15)
                    : Stream.concat(
                            Stream.of(r.timezone()), Stream.concat(figures(r.current()), figures(r.previous())));
            String line = Stream.of(
                            Stream.of(Long.toString(m.member().id()), m.member().displayName()),
                            figures,
                            Stream.of(Long.toString(m.reviewsGiven()), Long.toString(m.reviewsReceived()), silos))
                    .flatMap(s -> s)
                    .map(ActivityCsv::field)
                    .collect(Collectors.joining(","));
            out.append(line).append("\r\n");
        }
        return out.toString();
    }

    /** Blank cells for a period no sync covered. */
    private static Stream<String> figures(Figures f) {
        if (f == null) {
            return Stream.generate(() -> "").limit(7);
        }
        return List.of(
                        f.events(),
                        f.afterHours(),
                        f.afterHoursShare(),
                        f.weekendDaysActive(),
                        f.activeDays(),
                        f.longestActiveStreakDays(),
                        f.lateNight())
                .stream()
                .map(String::valueOf);
    }

    private void requireEnabled() {
        if (!settings.patterns().orgAnalytics()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    static Span span(ReportPeriod period) {
        return new Span(period.from(), period.to(), period.zone());
    }
}
