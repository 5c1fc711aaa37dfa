package dev.worklens.activity;

import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stores work units idempotently: a unit is keyed by (member, source key), so re-syncs update in place. */
@Repository
public class WorkUnits {

    private static final List<String> KEYS = List.of("member_id", "source_key");
    private static final List<String> COLUMNS = List.of(
            "member_id",
            "source_key",
            "source",
            "kind",
            "role",
            "occurred_at",
            "title",
            "body",
            "url",
            "channel",
            "repo",
            "content_hash",
            "updated_at",
            "author",
            "thread_reply",
            "parent_title",
            "files");

    private final JdbcTemplate jdbc;
    private final String upsert;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WorkUnits(JdbcTemplate jdbc, SqlDialect dialect, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.upsert = dialect.upsert("work_units", KEYS, COLUMNS);
        this.clock = clock;
        this.events = events;
    }

    /**
     * Inserts or updates the drafts in one batch and announces {@link WorkUnitsStored}. A unit
     * whose text changed gets a new content hash, so it is classified again; others keep their label.
     */
    @Transactional
    public int store(List<WorkUnitDraft> drafts) {
        if (drafts.isEmpty()) {
            return 0;
        }
        var now = Rows.utc(clock.instant());
        jdbc.batchUpdate(upsert, drafts, 500, (ps, d) -> {
            ps.setLong(1, d.memberId());
            ps.setString(2, d.sourceKey());
            ps.setString(3, d.source());
            ps.setString(4, d.kind());
            ps.setString(5, d.role());
            ps.setObject(6, Rows.utc(d.occurredAt()));
            ps.setString(7, truncate(d.title(), 1000));
            ps.setString(8, d.body());
            ps.setString(9, truncate(d.url(), 1000));
            ps.setString(10, truncate(d.channel(), 200));
            ps.setString(11, truncate(d.repo(), 300));
            ps.setString(12, contentHash(d));
            ps.setObject(13, now);
            ps.setString(14, truncate(d.author(), 200));
            ps.setBoolean(15, d.threadReply());
            ps.setString(16, truncate(d.parentTitle(), 300));
            ps.setString(17, d.files());
        });
        Set<Long> members = new LinkedHashSet<>();
        drafts.forEach(d -> members.add(d.memberId()));
        events.publishEvent(new WorkUnitsStored(List.copyOf(members), drafts.size()));
        return drafts.size();
    }

    /** What a classifier sees of a unit; a change here means the label may change. */
    public static String contentHash(WorkUnitDraft d) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (String part :
                    new String[] {d.source(), d.kind(), d.role(), d.title(), d.body(), d.channel(), d.repo()}) {
                digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
