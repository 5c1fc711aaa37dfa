package dev.worklens.report.core;

import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import dev.worklens.team.Member;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts for every member of an operator's roster in two grouped queries (work units; pull
 * requests and reviews), never one report per member.
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

    // correlated counts use the (author_key, created_at), (author_key, merged_at) and
    // (reviewer_key, submitted_at) indexes once per member
    private static final String PULLS = "SELECT m.id,"
            + " (SELECT COUNT(*) FROM github_pull_requests p WHERE p.author_key = LOWER(m.github_login)"
            + " AND p.created_at >= :start AND p.created_at < :end) AS created,"
            + " (SELECT COUNT(*) FROM github_pull_requests p WHERE p.author_key = LOWER(m.github_login)"
            + " AND p.merged_at >= :start AND p.merged_at < :end) AS merged,"
            + " (SELECT COUNT(DISTINCT CONCAT(r.repo, '#', r.pr_number)) FROM github_reviews r"
            + " %s WHERE r.reviewer_key = LOWER(m.github_login) AND r.submitted_at >= :start AND r.submitted_at < :end"
            + " AND (p.author_key IS NULL OR p.author_key <> r.reviewer_key)) AS reviewed"
            + " FROM members m WHERE m.operator_id = :operator AND m.github_login IS NOT NULL";

    private final JdbcClient jdbc;
    private final String pullsSql;

    TeamOverview(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.pullsSql = PULLS.formatted(PullRequestJoin.leftJoin(dialect, "author_key"));
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
        Map<Long, long[]> pulls = new HashMap<>();
        jdbc.sql(pullsSql)
                .param("operator", operatorId)
                .param("start", Rows.utc(period.start()))
                .param("end", Rows.utc(period.end()))
                .query(rs -> {
                    pulls.put(
                            rs.getLong("id"),
                            new long[] {rs.getLong("created"), rs.getLong("merged"), rs.getLong("reviewed")});
                });
        return members.stream()
                .map(m -> {
                    long[] u = units.getOrDefault(m.id(), new long[2]);
                    long[] p = pulls.getOrDefault(m.id(), new long[3]);
                    return new Row(m, p[0], p[1], p[2], u[0], u[1], last.get(m.id()));
                })
                .toList();
    }
}
