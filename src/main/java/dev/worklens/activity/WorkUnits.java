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
    static final List<String> COLUMNS = List.of(
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

    /** Rows per statement on PostgreSQL: one multi-row upsert is far fewer round trips than a batch. */
    private static final int ROWS_PER_STATEMENT = 100;

    private final JdbcTemplate jdbc;
    private final String upsert;
    private final boolean multiRow;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ComparedUnitWriter compared;
    private final DirtyRanges dirty;
    private volatile String fullChunkUpsert;

    WorkUnits(
            JdbcTemplate jdbc,
            SqlDialect dialect,
            Clock clock,
            ApplicationEventPublisher events,
            ComparedUnitWriter compared,
            DirtyRanges dirty) {
        this.jdbc = jdbc;
        this.compared = compared;
        this.dirty = dirty;
        this.multiRow = dialect.isPostgres();
        this.upsert = multiRow
                ? unlessUnchanged(dialect.upsert("work_units", KEYS, COLUMNS))
                : dialect.upsert("work_units", KEYS, COLUMNS);
        this.clock = clock;
        this.events = events;
    }

    /**
     * On PostgreSQL a unit stored again exactly as it is keeps its row: no new row version, no index
     * writes, so re-syncs and re-extraction of unchanged messages cost a read, not a write.
     */
    private static String unlessUnchanged(String upsert) {
        List<String> compared = COLUMNS.stream()
                .filter(c -> !KEYS.contains(c) && !c.equals("updated_at"))
                .toList();
        return upsert + " WHERE ("
                + String.join(
                        ", ", compared.stream().map(c -> "work_units." + c).toList())
                + ") IS DISTINCT FROM ("
                + String.join(", ", compared.stream().map(c -> "EXCLUDED." + c).toList())
                + ")";
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
        write(drafts);
        Set<Long> members = new LinkedHashSet<>();
        drafts.forEach(d -> members.add(d.memberId()));
        announce(members, drafts.size());
        return drafts.size();
    }

    /**
     * Stores the drafts without announcing them, for a caller that stores many batches and then
     * announces once ({@link #announce}): classification then runs once over the changed units
     * instead of once per batch. The batch is compared with what is stored first: units stored as
     * they are cost no write, and new or changed text is labelled as it is written
     * ({@link UnitLabeller}), so classification finds little left to do when it is told.
     */
    @Transactional
    public int storeQuietly(List<WorkUnitDraft> drafts) {
        compared.write(drafts);
        return drafts.size();
    }

    /**
     * Tells listeners (classification) that the members' units were stored. In a transaction of
     * its own when called alone: module listeners hear events after a commit.
     */
    @Transactional
    public void announce(java.util.Collection<Long> memberIds, int units) {
        if (!memberIds.isEmpty()) {
            events.publishEvent(new WorkUnitsStored(List.copyOf(memberIds), units));
        }
    }

    private void write(List<WorkUnitDraft> all) {
        if (all.isEmpty()) {
            return;
        }
        var now = Rows.utc(clock.instant());
        // one row per key: a multi-row upsert may not touch a row twice
        java.util.Map<String, WorkUnitDraft> unique = new java.util.LinkedHashMap<>();
        all.forEach(d -> unique.put(d.memberId() + "\u0000" + d.sourceKey(), d));
        List<WorkUnitDraft> drafts = new java.util.ArrayList<>(unique.values());
        // the day tallies count these members' days again at their next read: bookkeeping only
        dirty.stored(drafts);
        if (!multiRow) {
            jdbc.batchUpdate(upsert, drafts, 500, (ps, d) -> bind(ps, 0, d, now));
            return;
        }
        for (int from = 0; from < drafts.size(); from += ROWS_PER_STATEMENT) {
            List<WorkUnitDraft> chunk = drafts.subList(from, Math.min(drafts.size(), from + ROWS_PER_STATEMENT));
            jdbc.update(upsert(chunk.size()), ps -> {
                int column = 0;
                for (WorkUnitDraft d : chunk) {
                    column = bind(ps, column, d, now);
                }
            });
        }
    }

    private static int bind(java.sql.PreparedStatement ps, int column, WorkUnitDraft d, Object now)
            throws java.sql.SQLException {
        int c = column;
        ps.setLong(++c, d.memberId());
        ps.setString(++c, d.sourceKey());
        ps.setString(++c, d.source());
        ps.setString(++c, d.kind().code());
        ps.setString(++c, d.role());
        ps.setObject(++c, Rows.utc(d.occurredAt()));
        ps.setString(++c, truncate(d.title(), 1000));
        ps.setString(++c, d.body());
        ps.setString(++c, truncate(d.url(), 1000));
        ps.setString(++c, truncate(d.channel(), 200));
        ps.setString(++c, truncate(d.repo(), 300));
        ps.setString(++c, contentHash(d));
        ps.setObject(++c, now);
        ps.setString(++c, truncate(d.author(), 200));
        ps.setBoolean(++c, d.threadReply());
        ps.setString(++c, truncate(d.parentTitle(), 300));
        ps.setString(++c, d.files());
        return c;
    }

    /** The upsert for {@code rows} units in one statement. */
    private String upsert(int rows) {
        if (rows == ROWS_PER_STATEMENT && fullChunkUpsert != null) {
            return fullChunkUpsert;
        }
        String one = "(" + String.join(", ", java.util.Collections.nCopies(COLUMNS.size(), "?")) + ")";
        String sql = upsert.replace(
                "VALUES " + one, "VALUES " + String.join(", ", java.util.Collections.nCopies(rows, one)));
        if (rows == ROWS_PER_STATEMENT) {
            fullChunkUpsert = sql;
        }
        return sql;
    }

    /** What a classifier sees of a unit; a change here means the label may change. */
    public static String contentHash(WorkUnitDraft d) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (String part :
                    new String[] {d.source(), d.kind().code(), d.role(), d.title(), d.body(), d.channel(), d.repo()}) {
                digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
