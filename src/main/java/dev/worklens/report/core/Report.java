package dev.worklens.report.core;

import dev.worklens.classify.Insights;
import dev.worklens.github.PullRequests;
import dev.worklens.patterns.Rhythm;
import dev.worklens.report.DevTrackView;
import dev.worklens.team.Member;

/**
 * One member's work report for a period: everything the page, the JSON and the share summary show.
 *
 * @param cycleTimeHoursMedian open → merge of the pull requests merged in the period, null if none
 * @param reviewTurnaroundHoursMedian pull-request creation → the member's first review, over the
 *     reviewed pull requests, null if none
 * @param rhythm the working rhythm (PRODUCT.md §14), null when ENABLE_BURNOUT_DETECTION is off
 */
public record Report(
        Member member,
        ReportPeriod period,
        PullRequests pullRequests,
        ActivityNumbers numbers,
        Double cycleTimeHoursMedian,
        Double reviewTurnaroundHoursMedian,
        Insights insights,
        DevTrackView devTrack,
        ActivityPage activity,
        Rhythm rhythm) {}
