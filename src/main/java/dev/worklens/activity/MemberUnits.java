package dev.worklens.activity;

import dev.worklens.system.UtcDays;
import dev.worklens.system.db.CustomPlans;
import dev.worklens.system.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What other modules read of members' work units: the report's counts and feed, the team
 * overview's counts, the insights' items and fingerprint. Every query is bounded by member and
 * {@code [start, end)} on the (member, time) indexes.
 */
@Repository
public class MemberUnits {

    private static final String FEED_COLUMNS =
            "id, kind, source, role, occurred_at, title, url, category, classifier, channel, repo, author, body";

    private final JdbcClient jdbc;
    private final JdbcOperations statements;
    private final UnitDays unitDays;

    MemberUnits(JdbcClient jdbc, JdbcOperations statements, UnitDays unitDays) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.unitDays = unitDays;
    }

    /** The columns every count of a report needs, one row per unit. */
    public record Counted(
            Instant at,
            String source,
            UnitKind kind,
            String role,
            String channel,
            String category,
            String classifier,
            boolean threadReply,
            String repo) {}

    /**
     * Every unit of the member in the range, in no particular order. The columns are those of the
     * covering index {@code work_units_report_idx}, so PostgreSQL reads index pages only.
     */
    public List<Counted> counted(long memberId, Instant start, Instant end) {
        List<Counted> rows = new ArrayList<>();
        jdbc.sql("SELECT occurred_at, source, kind, role, channel, category, classifier, thread_reply, repo"
                        + " FROM work_units WHERE member_id = ? AND occurred_at >= ? AND occurred_at < ?")
                .params(memberId, Rows.utc(start), Rows.utc(end))
                .query(rs -> {
                    // by position: a year is thousands of rows, and each lookup by name showed in profiles
                    rows.add(new Counted(
                            Rows.instant(rs, 1),
                            rs.getString(2),
                            UnitKind.of(rs.getString(3)),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getBoolean(8),
                            rs.getString(9)));
                });
        return rows;
    }

    /** One unit as the activity feed shows it. */
    public record Shown(
            long id,
            UnitKind kind,
            String source,
            String role,
            Instant at,
            String title,
            String url,
            String category,
            String classifier,
            String channel,
            String repo,
            String author,
            String body) {}

    /** Narrows the feed; a null field selects everything. */
    public record Selection(String source, UnitKind kind, String category) {}

    /**
     * A page of the member's units in the range, newest first, keyset-paged on (occurred_at, id):
     * at most {@code limit} units older than ({@code beforeAt}, {@code beforeId}) when given.
     */
    public List<Shown> page(
            long memberId,
            Instant start,
            Instant end,
            Selection selection,
            Instant beforeAt,
            Long beforeId,
            int limit) {
        var sql = new StringBuilder("SELECT " + FEED_COLUMNS + " FROM work_units WHERE ");
        List<Object> params = new ArrayList<>();
        where(sql, params, memberId, start, end, selection);
        if (beforeAt != null) {
            sql.append(" AND (occurred_at < ? OR (occurred_at = ? AND id < ?))");
            params.add(Rows.utc(beforeAt));
            params.add(Rows.utc(beforeAt));
            params.add(beforeId);
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ").append(limit);
        // PostgreSQL's generic plan for this page reads and sorts all of the range's units (CustomPlans)
        return statements.query(CustomPlans.statement(sql.toString(), params), MemberUnits::shown);
    }

    /** Every unit the selection picks, newest first, streamed for exports. */
    public void each(long memberId, Instant start, Instant end, Selection selection, Consumer<Shown> sink) {
        var sql = new StringBuilder("SELECT " + FEED_COLUMNS + " FROM work_units WHERE ");
        List<Object> params = new ArrayList<>();
        where(sql, params, memberId, start, end, selection);
        sql.append(" ORDER BY occurred_at DESC, id DESC");
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            sink.accept(shown(rs, 0));
        });
    }

    private static void where(
            StringBuilder sql, List<Object> params, long memberId, Instant start, Instant end, Selection s) {
        sql.append("member_id = ? AND occurred_at >= ? AND occurred_at < ?");
        params.add(memberId);
        params.add(Rows.utc(start));
        params.add(Rows.utc(end));
        if (s.source() != null) {
            sql.append(" AND source = ?");
            params.add(s.source());
        }
        if (s.kind() != null) {
            sql.append(" AND kind = ?");
            params.add(s.kind().code());
        }
        if (s.category() != null) {
            sql.append(" AND category = ?");
            params.add(s.category());
        }
    }

    private static Shown shown(ResultSet rs, int row) throws SQLException {
        return new Shown(
                rs.getLong("id"),
                UnitKind.of(rs.getString("kind")),
                rs.getString("source"),
                rs.getString("role"),
                Rows.instant(rs, "occurred_at"),
                rs.getString("title"),
                rs.getString("url"),
                rs.getString("category"),
                rs.getString("classifier"),
                rs.getString("channel"),
                rs.getString("repo"),
                rs.getString("author"),
                rs.getString("body"));
    }

    /**
     * @param slackMessages Slack messages the member wrote (discussion and thread replies)
     * @param standups Slack standups
     * @param lastActivity the latest unit of any kind in the range
     */
    public record TeamCounts(long slackMessages, long standups, Instant lastActivity) {

        TeamCounts plus(TeamCounts other) {
            Instant last = lastActivity == null
                    ? other.lastActivity
                    : other.lastActivity == null || lastActivity.isAfter(other.lastActivity)
                            ? lastActivity
                            : other.lastActivity;
            return new TeamCounts(slackMessages + other.slackMessages, standups + other.standups, last);
        }
    }

    /**
     * {@link TeamCounts} per member id; members without units are absent. Whole UTC days of the
     * period are summed from the day tallies ({@link UnitDays}); the partial first and last day,
     * when the period's zone is not UTC, are counted from the units, as a period without a whole
     * UTC day is.
     */
    public Map<Long, TeamCounts> teamCounts(Collection<Long> memberIds, Instant start, Instant end) {
        Map<Long, TeamCounts> counts = new HashMap<>();
        if (memberIds.isEmpty()) {
            return counts;
        }
        UtcDays days = UtcDays.within(start, end);
        if (!days.any()) {
            return teamCountsFromUnits(memberIds, List.of(start), List.of(end));
        }
        unitDays.refresh(memberIds);
        unitDays.sums(memberIds, days.first(), days.endDay()).forEach((id, sum) -> {
            counts.put(id, new TeamCounts(sum.slackMessages(), sum.standups(), sum.lastAt()));
        });
        if (days.partial()) {
            teamCountsFromUnits(memberIds, List.of(start, days.to()), List.of(days.from(), end))
                    .forEach((id, edge) -> counts.merge(id, edge, TeamCounts::plus));
        }
        return counts;
    }

    /** The same counts from the units themselves, every day of the period. */
    Map<Long, TeamCounts> teamCountsFromUnits(Collection<Long> memberIds, Instant start, Instant end) {
        return memberIds.isEmpty() ? new HashMap<>() : teamCountsFromUnits(memberIds, List.of(start), List.of(end));
    }

    // the units in the windows [starts[i], ends[i]), one grouped query
    private Map<Long, TeamCounts> teamCountsFromUnits(
            Collection<Long> memberIds, List<Instant> starts, List<Instant> ends) {
        Map<Long, TeamCounts> counts = new HashMap<>();
        StringBuilder within = new StringBuilder();
        for (int i = 0; i < starts.size(); i++) {
            within.append(i == 0 ? "" : " OR ")
                    .append("(occurred_at >= :start")
                    .append(i)
                    .append(" AND occurred_at < :end")
                    .append(i)
                    .append(")");
        }
        var spec = jdbc.sql("SELECT member_id,"
                        + " SUM(CASE WHEN " + UnitDays.SLACK_MESSAGE + " THEN 1 ELSE 0 END) AS slack_messages,"
                        + " SUM(CASE WHEN " + UnitDays.STANDUP + " THEN 1 ELSE 0 END) AS standups,"
                        + " MAX(occurred_at) AS last_activity"
                        + " FROM work_units WHERE member_id IN (:ids) AND (" + within + ")"
                        + " GROUP BY member_id")
                .param("ids", memberIds);
        for (int i = 0; i < starts.size(); i++) {
            spec = spec.param("start" + i, Rows.utc(starts.get(i))).param("end" + i, Rows.utc(ends.get(i)));
        }
        spec.query(rs -> {
            counts.put(
                    rs.getLong("member_id"),
                    new TeamCounts(
                            rs.getLong("slack_messages"), rs.getLong("standups"), Rows.instant(rs, "last_activity")));
        });
        return counts;
    }

    /**
     * Counts the members' overview tallies again from their units now: for a caller that wrote
     * units around activity's writers (the benchmark's bulk load), as an upgrade's first read does.
     */
    public void recountTeamCounts(Collection<Long> memberIds) {
        unitDays.forget(memberIds);
        unitDays.refresh(memberIds);
    }

    /** One line of what the member did. */
    public record Item(Instant at, UnitKind kind, String category, String title, String repo, String channel) {}

    /** The member's own units in the range, pull requests, issues and standups first, newest first. */
    public List<Item> authoredItems(long memberId, Instant start, Instant end, int limit) {
        return jdbc.sql("SELECT occurred_at, kind, category, title, repo, channel FROM work_units"
                        + " WHERE member_id = ? AND occurred_at >= ? AND occurred_at < ? AND role = 'authored'"
                        + " ORDER BY CASE WHEN kind IN ('pull_request', 'issue', 'standup') THEN 0 ELSE 1 END,"
                        + " occurred_at DESC LIMIT ?")
                .params(memberId, Rows.utc(start), Rows.utc(end), limit)
                .query((rs, row) -> new Item(
                        Rows.instant(rs, "occurred_at"),
                        UnitKind.of(rs.getString("kind")),
                        rs.getString("category"),
                        rs.getString("title"),
                        rs.getString("repo"),
                        rs.getString("channel")))
                .list();
    }

    /**
     * "content_hash:category" of every unit of the member in the range except channel units,
     * unsorted: what changes when a unit's text or label changes.
     */
    public List<String> contentLabels(long memberId, Instant start, Instant end) {
        return jdbc.sql("SELECT content_hash, category FROM work_units"
                        + " WHERE member_id = ? AND occurred_at >= ? AND occurred_at < ? AND role <> 'channel'")
                .params(memberId, Rows.utc(start), Rows.utc(end))
                .query((rs, row) -> rs.getString("content_hash") + ":" + rs.getString("category"))
                .list();
    }
}
