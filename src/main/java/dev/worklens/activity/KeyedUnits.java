package dev.worklens.activity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A source's work units whose key starts with a prefix (for Slack, one channel's), counted or
 * deleted for some members or for everyone, so a source's cleanup never names {@code work_units}.
 */
@Repository
public class KeyedUnits {

    private final JdbcClient jdbc;
    private final DirtyRanges dirty;

    KeyedUnits(JdbcClient jdbc, DirtyRanges dirty) {
        this.jdbc = jdbc;
        this.dirty = dirty;
    }

    /** @param memberIds whose units; null for every member's */
    public long count(String source, String keyPrefix, Collection<Long> memberIds) {
        if (memberIds != null && memberIds.isEmpty()) {
            return 0;
        }
        var sql = jdbc.sql("SELECT COUNT(*) FROM work_units WHERE source = :source AND source_key LIKE :prefix"
                        + (memberIds == null ? "" : " AND member_id IN (:ids)"))
                .param("source", source)
                .param("prefix", keyPrefix + "%");
        if (memberIds != null) {
            sql = sql.param("ids", memberIds);
        }
        return sql.query(Long.class).single();
    }

    /** @param memberIds whose units; null for every member's */
    @Transactional
    public int delete(String source, String keyPrefix, Collection<Long> memberIds) {
        if (memberIds != null && memberIds.isEmpty()) {
            return 0;
        }
        String condition =
                "source = :source AND source_key LIKE :prefix" + (memberIds == null ? "" : " AND member_id IN (:ids)");
        Map<String, Object> params = new HashMap<>(Map.of("source", source, "prefix", keyPrefix + "%"));
        if (memberIds != null) {
            params.put("ids", memberIds);
        }
        dirty.beforeDelete(condition, params);
        return jdbc.sql("DELETE FROM work_units WHERE " + condition)
                .params(params)
                .update();
    }
}
