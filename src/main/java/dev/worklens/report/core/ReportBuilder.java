package dev.worklens.report.core;

import dev.worklens.activity.MemberUnits;
import dev.worklens.classify.Insights;
import dev.worklens.classify.MemberInsights;
import dev.worklens.github.PullRequestQueries;
import dev.worklens.github.PullRequests;
import dev.worklens.patterns.MemberRhythms;
import dev.worklens.patterns.Span;
import dev.worklens.report.DevTrackLookup;
import dev.worklens.report.DevTrackView;
import dev.worklens.system.Statistics;
import dev.worklens.team.Member;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Builds a member's report from stored rows. The insights and the Dev track come from other
 * modules; when either fails the report still answers and says why in that panel.
 */
@Component
public class ReportBuilder {

    private static final Logger log = LoggerFactory.getLogger(ReportBuilder.class);
    static final String DEV_TRACK_NOT_CONFIGURED = "Dev track is not configured.";

    private final PullRequestQueries pullRequests;
    private final MemberUnits units;
    private final ActivityTally tally;
    private final ActivityFeed feed;
    private final MemberInsights insights;
    private final ObjectProvider<DevTrackLookup> devTrack;
    private final MemberRhythms rhythms;

    ReportBuilder(
            PullRequestQueries pullRequests,
            MemberUnits units,
            ActivityTally tally,
            ActivityFeed feed,
            MemberInsights insights,
            ObjectProvider<DevTrackLookup> devTrack,
            MemberRhythms rhythms) {
        this.pullRequests = pullRequests;
        this.units = units;
        this.tally = tally;
        this.feed = feed;
        this.insights = insights;
        this.devTrack = devTrack;
        this.rhythms = rhythms;
    }

    public Report build(Member member, ReportPeriod period, ActivityFilter filter, String after) {
        PullRequests prs = pullRequests.groups(member.githubLogin(), period.start(), period.end());
        // one read of the member's units and pull requests serves the report's counts and the insights
        List<MemberUnits.Counted> counted = units.counted(member.id(), period.start(), period.end());
        ActivityNumbers numbers = tally.count(counted, period);
        ActivityPage page = feed.page(member.id(), period, filter, after);
        return new Report(
                member,
                period,
                prs,
                numbers,
                median(prs.merged().stream()
                        .map(p -> Statistics.hoursBetween(p.createdAt(), p.mergedAt()))
                        .toList()),
                median(prs.reviewed().stream()
                        .map(p -> Statistics.hoursBetween(p.createdAt(), p.firstReviewAt()))
                        .toList()),
                insights(member, period, counted, prs),
                devTrack(member),
                page,
                rhythms.of(member, new Span(period.from(), period.to(), period.zone()))
                        .orElse(null));
    }

    /** The report without the feed, for the share summary and exports. */
    public Report build(Member member, ReportPeriod period) {
        return build(member, period, ActivityFilter.ANY, null);
    }

    private Insights insights(Member member, ReportPeriod period, List<MemberUnits.Counted> counted, PullRequests prs) {
        try {
            return insights.insights(member, period.from(), period.to(), period.zone(), counted, prs);
        } catch (RuntimeException e) {
            log.warn("Insights failed for member {}: {}", member.id(), e.toString());
            return new Insights(
                    "Insights could not be produced for this range ("
                            + e.getClass().getSimpleName() + "); the numbers below are complete.",
                    List.of(),
                    List.of(),
                    "",
                    "unavailable");
        }
    }

    private DevTrackView devTrack(Member member) {
        DevTrackLookup lookup = devTrack.getIfAvailable();
        if (lookup == null) {
            return DevTrackView.error(DEV_TRACK_NOT_CONFIGURED);
        }
        try {
            DevTrackView view = lookup.lookup(member);
            return view != null ? view : DevTrackView.error("No Dev track tab for " + member.displayName() + ".");
        } catch (RuntimeException e) {
            log.warn("Dev track lookup failed for member {}: {}", member.id(), e.toString());
            return DevTrackView.error("The Dev track could not be read: " + e.getMessage());
        }
    }

    // the report shows a tenth of an hour; the insights round for their own sentence
    static Double median(List<Double> values) {
        Double m = Statistics.median(values);
        return m == null ? null : Math.round(m * 10) / 10.0;
    }
}
