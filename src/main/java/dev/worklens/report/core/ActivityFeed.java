package dev.worklens.report.core;

import dev.worklens.system.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A member's work units in a period, newest first, keyset-paged on (occurred_at, id). */
@Repository
public class ActivityFeed {

    public static final int PAGE_SIZE = 50;

    private static final String COLUMNS =
            "id, kind, source, role, occurred_at, title, url, category, classifier, channel, repo, author, body";

    private final JdbcClient jdbc;

    ActivityFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ActivityPage page(long memberId, ReportPeriod period, ActivityFilter filter, String after) {
        ActivityCursor cursor = after == null || after.isBlank() ? null : ActivityCursor.decode(after);
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM work_units WHERE ");
        List<Object> params = new ArrayList<>();
        where(sql, params, memberId, period, filter);
        if (cursor != null) {
            sql.append(" AND (occurred_at < ? OR (occurred_at = ? AND id < ?))");
            params.add(Rows.utc(cursor.at()));
            params.add(Rows.utc(cursor.at()));
            params.add(cursor.id());
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ").append(PAGE_SIZE + 1);
        List<ActivityItem> items = new ArrayList<>(
                jdbc.sql(sql.toString()).params(params).query(ActivityFeed::map).list());
        String next = null;
        if (items.size() > PAGE_SIZE) {
            items = items.subList(0, PAGE_SIZE);
            ActivityItem last = items.get(PAGE_SIZE - 1);
            next = new ActivityCursor(last.at(), last.id()).encode();
        }
        return new ActivityPage(List.copyOf(items), next);
    }

    /** Every unit the filter selects, newest first, streamed for exports. */
    public void each(long memberId, ReportPeriod period, ActivityFilter filter, Consumer<ActivityItem> sink) {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM work_units WHERE ");
        List<Object> params = new ArrayList<>();
        where(sql, params, memberId, period, filter);
        sql.append(" ORDER BY occurred_at DESC, id DESC");
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            sink.accept(map(rs, 0));
        });
    }

    private static void where(
            StringBuilder sql, List<Object> params, long memberId, ReportPeriod period, ActivityFilter filter) {
        sql.append("member_id = ? AND occurred_at >= ? AND occurred_at < ?");
        params.add(memberId);
        params.add(Rows.utc(period.start()));
        params.add(Rows.utc(period.end()));
        if (filter.source() != null) {
            sql.append(" AND source = ?");
            params.add(filter.source());
        }
        if (filter.kind() != null) {
            sql.append(" AND kind = ?");
            params.add(filter.kind());
        }
        if (filter.category() != null) {
            sql.append(" AND category = ?");
            params.add(filter.category());
        }
    }

    private static ActivityItem map(ResultSet rs, int row) throws SQLException {
        return new ActivityItem(
                rs.getLong("id"),
                rs.getString("kind"),
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
}
