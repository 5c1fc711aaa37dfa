package dev.worklens.report.api;

import dev.worklens.github.PullRequests;
import dev.worklens.report.DevTrackView;
import dev.worklens.report.core.ActivityItem;
import dev.worklens.report.core.Report;
import dev.worklens.report.core.Writing;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The report answer of API.md; the snake_case keys come from the application's naming strategy. */
record ReportJson(
        MemberRef member,
        LocalDate from,
        LocalDate to,
        String timezone,
        Pulls pullRequests,
        Slack slack,
        GitHub github,
        Map<String, Long> categories,
        String classifier,
        InsightsJson insights,
        DevTrackView devTrack,
        List<Standup> standups,
        String standupsNext,
        PatternsJson patterns,
        List<Activity> activity,
        String activityNext) {

    record MemberRef(long id, String displayName, String githubLogin) {}

    record Pulls(List<Authored> created, List<Authored> merged, List<Reviewed> reviewed) {}

    // the fields API.md lists, whatever else github's record carries for the insights
    record Authored(
            String url, String repo, int number, String title, Instant createdAt, Instant mergedAt, String state) {

        static List<Authored> of(List<PullRequests.Authored> pulls) {
            return pulls.stream()
                    .map(p -> new Authored(
                            p.url(), p.repo(), p.number(), p.title(), p.createdAt(), p.mergedAt(), p.state()))
                    .toList();
        }
    }

    record Reviewed(String url, String repo, int number, String title, Instant reviewedAt, List<String> reviewStates) {}

    record Slack(long authored, long mentioned, long standups, long threadReplies, Map<String, Long> byChannel) {}

    record GitHub(
            long commits, long issues, long reviews, Double cycleTimeHoursMedian, Double reviewTurnaroundHoursMedian) {}

    record InsightsJson(String summary, List<String> highlights, List<String> watchItems, String alignment) {}

    /** A standup with its whole text, plain (the page shows it rendered). */
    record Standup(Instant at, String channel, String url, String text) {}

    record Activity(
            String type,
            String source,
            Instant at,
            String title,
            String text,
            String author,
            String url,
            String category,
            String channel) {}

    static ReportJson of(Report r, Writing.Page standups) {
        var prs = r.pullRequests();
        var s = r.numbers().slack();
        var g = r.numbers().github();
        var i = r.insights();
        return new ReportJson(
                new MemberRef(
                        r.member().id(), r.member().displayName(), r.member().githubLogin()),
                r.period().from(),
                r.period().to(),
                r.period().zone().getId(),
                new Pulls(
                        Authored.of(prs.created()),
                        Authored.of(prs.merged()),
                        prs.reviewed().stream()
                                .map(p -> new Reviewed(
                                        p.url(), p.repo(), p.number(), p.title(), p.reviewedAt(), p.reviewStates()))
                                .toList()),
                new Slack(s.authored(), s.mentioned(), s.standups(), s.threadReplies(), s.byChannel()),
                new GitHub(
                        g.commits(),
                        g.issues(),
                        g.reviews(),
                        r.cycleTimeHoursMedian(),
                        r.reviewTurnaroundHoursMedian()),
                r.numbers().categories(),
                r.numbers().mainClassifier(),
                new InsightsJson(i.summary(), i.highlights(), i.watchItems(), i.alignment()),
                r.devTrack(),
                standups.items().stream()
                        .map(x -> new Standup(x.at(), x.channel(), x.url(), x.text()))
                        .toList(),
                standups.next(),
                PatternsJson.of(r.rhythm()),
                r.activity().items().stream().map(ReportJson::activity).toList(),
                r.activity().next());
    }

    private static Activity activity(ActivityItem a) {
        return new Activity(
                a.type(), a.source(), a.at(), a.title(), a.text(), a.author(), a.url(), a.category(), a.channel());
    }
}
