package dev.worklens.report.core;

import dev.worklens.activity.MemberUnits;
import dev.worklens.github.PullRequestQueries;
import dev.worklens.team.Member;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Counts for every member of an operator's roster in grouped queries (work units from activity's,
 * pull requests and reviews from GitHub's published queries), never one report per member.
 */
@Component
public class TeamOverview {

    private static final MemberUnits.TeamCounts NO_UNITS = new MemberUnits.TeamCounts(0, 0, null);

    private final MemberUnits units;
    private final PullRequestQueries pullRequests;

    TeamOverview(MemberUnits units, PullRequestQueries pullRequests) {
        this.units = units;
        this.pullRequests = pullRequests;
    }

    public record Row(
            Member member,
            long prsCreated,
            long prsMerged,
            long prsReviewed,
            long slackMessages,
            long standups,
            Instant lastActivity) {

        public boolean quiet() {
            return lastActivity == null && prsCreated + prsMerged + prsReviewed == 0;
        }
    }

    public List<Row> rows(long operatorId, List<Member> members, ReportPeriod period) {
        Map<Long, MemberUnits.TeamCounts> counts =
                units.teamCounts(members.stream().map(Member::id).toList(), period.start(), period.end());
        Map<String, PullRequestQueries.Counts> pulls =
                pullRequests.counts(members.stream().map(Member::githubLogin).toList(), period.start(), period.end());
        return members.stream()
                .map(m -> {
                    var u = counts.getOrDefault(m.id(), NO_UNITS);
                    var p = m.githubLogin() == null
                            ? PullRequestQueries.Counts.NONE
                            : pulls.getOrDefault(m.githubLogin(), PullRequestQueries.Counts.NONE);
                    return new Row(
                            m,
                            p.created(),
                            p.merged(),
                            p.reviewed(),
                            u.slackMessages(),
                            u.standups(),
                            u.lastActivity());
                })
                .toList();
    }
}
