package dev.worklens.report.api;

import dev.worklens.report.core.ActivityCsv;
import dev.worklens.report.core.ActivityFeed;
import dev.worklens.report.core.ActivityFilter;
import dev.worklens.report.core.ReportBuilder;
import dev.worklens.report.core.ReportPeriod;
import dev.worklens.report.core.ReportRequest;
import dev.worklens.report.core.ShareSummary;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.Member;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReportsApi {

    private final ReportRequest request;
    private final ReportBuilder builder;
    private final ActivityFeed feed;

    ReportsApi(ReportRequest request, ReportBuilder builder, ActivityFeed feed) {
        this.request = request;
        this.builder = builder;
        this.feed = feed;
    }

    @GetMapping("/api/reports/{memberId}")
    ReportJson report(
            @PathVariable long memberId,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String timezone,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String after) {
        // dates first: a typing slip answers 400 whoever the member is
        ReportPeriod period = request.period(from, to, null, timezone);
        Member member = request.member(operator, memberId);
        ActivityFilter filter = ActivityFilter.parse(source, type, category);
        return ReportJson.of(builder.build(member, period, filter, after));
    }

    @GetMapping("/api/reports/{memberId}/summary")
    ResponseEntity<String> summary(
            @PathVariable long memberId,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String timezone,
            @RequestParam(required = false, defaultValue = "text") String format) {
        Member member = request.member(operator, memberId);
        ReportPeriod period = request.period(from, to, null, timezone);
        String f = format.strip().toLowerCase(java.util.Locale.ROOT);
        switch (f) {
            case "text" -> {
                return plain(ShareSummary.text(builder.build(member, period)), MediaType.TEXT_PLAIN);
            }
            case "markdown" -> {
                return plain(ShareSummary.markdown(builder.build(member, period)), MediaType.TEXT_PLAIN);
            }
            case "csv" -> {
                var out = new StringWriter();
                var csv = new ActivityCsv(out, period.zone());
                feed.each(member.id(), period, ActivityFilter.ANY, csv::row);
                return plain(out.toString(), MediaType.valueOf("text/csv"));
            }
            default -> throw ApiException.invalid("format", "'format' must be text, markdown or csv.");
        }
    }

    private static ResponseEntity<String> plain(String body, MediaType type) {
        return ResponseEntity.ok()
                .contentType(new MediaType(type, StandardCharsets.UTF_8))
                .body(body);
    }
}
