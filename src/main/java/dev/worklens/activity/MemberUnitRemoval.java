package dev.worklens.activity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * One member's work units by source key, for the per-member cleanup: a source lists the member's
 * units, decides which came from data that is no longer theirs, and asks here to delete exactly those.
 */
@Repository
public class MemberUnitRemoval {

    /** Keys per statement: well under every database's parameter limit. */
    static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final DirtyRanges dirty;

    MemberUnitRemoval(JdbcClient jdbc, DirtyRanges dirty) {
        this.jdbc = jdbc;
        this.dirty = dirty;
    }

    /** A unit as a cleanup sees it: its source key and the channel or repository it came from. */
    public record Ref(String sourceKey, String channel, String repo) {}

    public List<Ref> of(long memberId, String source) {
        return jdbc.sql("SELECT source_key, channel, repo FROM work_units WHERE member_id = ? AND source = ?"
                        + " ORDER BY source_key")
                .params(memberId, source)
                .query((rs, n) -> new Ref(rs.getString("source_key"), rs.getString("channel"), rs.getString("repo")))
                .list();
    }

    /** Deletes these units of this member; returns how many went. */
    @Transactional
    public int delete(long memberId, Collection<String> sourceKeys) {
        List<String> keys = new ArrayList<>(sourceKeys);
        int deleted = 0;
        String condition = "member_id = :member AND source_key IN (:keys)";
        for (int i = 0; i < keys.size(); i += CHUNK) {
            var params = Map.of("member", memberId, "keys", keys.subList(i, Math.min(keys.size(), i + CHUNK)));
            dirty.beforeDelete(condition, params);
            deleted += jdbc.sql("DELETE FROM work_units WHERE " + condition)
                    .params(params)
                    .update();
        }
        return deleted;
    }
}
