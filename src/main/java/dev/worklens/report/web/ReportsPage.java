package dev.worklens.report.web;

import dev.worklens.report.core.ActivityFilter;
import dev.worklens.report.core.ActivityItem;
import dev.worklens.report.core.Report;
import dev.worklens.report.core.ReportBuilder;
import dev.worklens.report.core.ReportPeriod;
import dev.worklens.report.core.ReportRequest;
import dev.worklens.report.core.ShareSummary;
import dev.worklens.report.core.TeamOverview;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.Roster;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/** The Work report pages: the team overview and one member's report. Bad input shows words, never a 500. */
@Controller
class ReportsPage {

    private final CurrentOperator current;
    private final Roster roster;
    private final ReportRequest request;
    private final ReportBuilder builder;
    private final TeamOverview overview;
    private final ObjectMapper json;

    ReportsPage(
            CurrentOperator current,
            Roster roster,
            ReportRequest request,
            ReportBuilder builder,
            TeamOverview overview,
            ObjectMapper json) {
        this.current = current;
        this.roster = roster;
        this.request = request;
        this.builder = builder;
        this.overview = overview;
        this.json = json;
    }

    @GetMapping("/reports")
    String team(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String days,
            @RequestParam(required = false) String member,
            Model model,
            HttpServletResponse response) {
        Operator operator = current.signedIn();
        if (member != null && member.strip().matches("\\d{1,18}")) {
            // the member picker works without JavaScript: a plain GET form lands here
            return "redirect:"
                    + UriComponentsBuilder.fromPath("/reports/{id}")
                            .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                            .queryParamIfPresent("to", java.util.Optional.ofNullable(to))
                            .buildAndExpand(member.strip())
                            .encode()
                            .toUriString();
        }
        ReportPeriod period = period(from, to, days, model, response);
        List<Member> members = roster.members(operator.id());
        model.addAttribute("period", period);
        model.addAttribute("ranges", RangeLinks.of(period, request.today(period.zone()), "/reports"));
        model.addAttribute("rows", overview.rows(operator.id(), members, period));
        return "report/team";
    }

    @GetMapping("/reports/{memberId}")
    String member(
            @PathVariable long memberId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String days,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String after,
            Model model,
            HttpServletResponse response) {
        Operator operator = current.signedIn();
        Member member = ownMember(operator, memberId);
        ReportPeriod period = period(from, to, days, model, response);
        ActivityFilter filter = ActivityFilter.ANY;
        Report report;
        try {
            filter = ActivityFilter.parse(source, type, category);
            report = builder.build(member, period, filter, after);
        } catch (ApiException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("feedError", e.getMessage() + " Showing the whole feed instead.");
            filter = ActivityFilter.ANY;
            report = builder.build(member, period);
        }
        var links = RangeLinks.of(period, request.today(period.zone()), "/reports/" + memberId);
        model.addAttribute("report", report);
        model.addAttribute("period", period);
        model.addAttribute("view", new ReportView(report, filter, links, json));
        model.addAttribute("rhythm", RhythmView.of(report.rhythm()));
        model.addAttribute("members", roster.members(operator.id()));
        model.addAttribute("ranges", links);
        model.addAttribute("summary", ShareSummary.text(report));
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", ActivityFilter.KINDS);
        model.addAttribute("categories", report.numbers().categories().keySet());
        return "report/member";
    }

    private ReportPeriod period(String from, String to, String days, Model model, HttpServletResponse response) {
        try {
            return request.period(from, to, days, null);
        } catch (ApiException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("rangeError", e.getMessage() + " Showing the last 90 days instead.");
            return request.defaultPeriod();
        }
    }

    Member ownMember(Operator operator, long memberId) {
        try {
            return request.member(operator, memberId);
        } catch (ApiException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such member on your roster.");
        }
    }

    static String activityLabel(ActivityItem item) {
        return item.type().replace('_', ' ');
    }
}
