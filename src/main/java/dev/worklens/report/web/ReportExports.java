package dev.worklens.report.web;

import dev.worklens.report.core.ActivityCsv;
import dev.worklens.report.core.ActivityFeed;
import dev.worklens.report.core.ActivityFilter;
import dev.worklens.report.core.ReportBuilder;
import dev.worklens.report.core.ReportPeriod;
import dev.worklens.report.core.ReportRequest;
import dev.worklens.report.core.ShareSummary;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.Member;
import dev.worklens.team.Roster;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Downloads from the report page: the summary as Markdown or text, the activity as CSV. */
@Controller
class ReportExports {

    private final CurrentOperator current;
    private final Roster roster;
    private final ReportRequest request;
    private final ReportBuilder builder;
    private final ActivityFeed feed;

    ReportExports(
            CurrentOperator current, Roster roster, ReportRequest request, ReportBuilder builder, ActivityFeed feed) {
        this.current = current;
        this.roster = roster;
        this.request = request;
        this.builder = builder;
        this.feed = feed;
    }

    @GetMapping("/reports/{memberId}/export")
    ResponseEntity<String> export(
            @PathVariable long memberId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false, defaultValue = "markdown") String format) {
        var operator = current.signedIn();
        Member member;
        try {
            member = request.member(operator, memberId);
        } catch (ApiException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ReportPeriod period;
        try {
            period = request.period(from, to, null, null);
        } catch (ApiException e) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage() + "\n");
        }
        String base = "worklens-" + slug(member.displayName()) + "-" + period.from() + "-" + period.to();
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "markdown" ->
                download(ShareSummary.markdown(builder.build(member, period)), "text/markdown", base + ".md");
            case "text" -> download(ShareSummary.text(builder.build(member, period)), "text/plain", base + ".txt");
            case "csv" -> {
                var out = new StringWriter();
                var csv = new ActivityCsv(out, period.zone());
                feed.each(member.id(), period, ActivityFilter.ANY, csv::row);
                yield download(out.toString(), "text/csv", base + "-activity.csv");
            }
            default ->
                ResponseEntity.badRequest()
                        .contentType(MediaType.TEXT_PLAIN)
                        .body("Export format must be markdown, text or csv.\n");
        };
    }

    private static ResponseEntity<String> download(String body, String type, String filename) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.valueOf(type), StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "member" : s;
    }
}
