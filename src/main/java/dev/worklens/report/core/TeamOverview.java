package dev.worklens.report.core;

import dev.worklens.github.PullRequestQueries;
import dev.worklens.system.db.Rows;
import dev.worklens.team.Member;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts for every member of an operator's roster in grouped queries (work units here; pull
 * requests and reviews from GitHub's published queries), never one report per member.
 */
@Repository
public class TeamOverview {

    private static final String UNITS = "SELECT w.member_id,"
            + " SUM(CASE WHEN w.source = 'slack' AND w.role = 'authored' AND w.kind IN ('discussion', 'thread_reply')"
            + " THEN 1 ELSE 0 END) AS slack_messages,"
            + " SUM(CASE WHEN w.source = 'slack' AND w.kind = 'standup' THEN 1 ELSE 0 END) AS standups,"
            + " MAX(w.occurred_at) AS last_activity"
            + " FROM members m JOIN work_units w ON w.member_id = m.id"
            + " WHERE m.operator_id = :operator AND w.occurred_at >= :start AND w.occurred_at < :end"
            + " GROUP BY w.member_id";

    private final JdbcClient jdbc;
    private final PullRequestQueries pullRequests;

    TeamOverview(JdbcClient jdbc, PullRequestQueries pullRequests) {
        this.jdbc = jdbc;
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
        Map<Long, long[]> units = new HashMap<>();
        Map<Long, Instant> last = new HashMap<>();
        jdbc.sql(UNITS)
                .param("operator", operatorId)
                .param("start", Rows.utc(period.start()))
                .param("end", Rows.utc(period.end()))
                .query(rs -> {
                    long id = rs.getLong("member_id");
                    units.put(id, new long[] {rs.getLong("slack_messages"), rs.getLong("standups")});
                    last.put(id, Rows.instant(rs, "last_activity"));
                });
        Map<String, PullRequestQueries.Counts> pulls =
                pullRequests.counts(members.stream().map(Member::githubLogin).toList(), period.start(), period.end());
        return members.stream()
                .map(m -> {
                    long[] u = units.getOrDefault(m.id(), new long[2]);
                    var p = m.githubLogin() == null
                            ? PullRequestQueries.Counts.NONE
                            : pulls.getOrDefault(m.githubLogin(), PullRequestQueries.Counts.NONE);
                    return new Row(m, p.created(), p.merged(), p.reviewed(), u[0], u[1], last.get(m.id()));
                })
                .toList();
    }
}
