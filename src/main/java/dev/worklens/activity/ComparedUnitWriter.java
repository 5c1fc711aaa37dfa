package dev.worklens.activity;

import dev.worklens.system.db.CopyIn;
import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of units by comparing first, for {@link WorkUnits#storeQuietly}: one read of what
 * is stored under the batch's keys, then new units inserted with their label ({@link UnitLabeller}),
 * changed units updated, and units stored exactly as they are left alone — no statement and no row
 * lock (an {@code ON CONFLICT DO UPDATE … WHERE} that skips the update still locks the row). The
 * end state is what {@link WorkUnits#store} followed by classification gives: a unit whose text
 * did not change keeps its label, one whose text changed gets the label classification would give.
 */
@Component
class ComparedUnitWriter {

    /** Label columns written with a unit whose text is new: {@link UnitLabels#label} writes the same. */
    private static final List<String> LABEL_COLUMNS =
            List.of("category", "confidence", "classifier", "prompt_version", "classified_hash");

    /** Rows per INSERT on PostgreSQL: 22 parameters each, far below the protocol's 32,767. */
    private static final int ROWS_PER_STATEMENT = 250;

    private static final Comparator<Draft> IN_INDEX_ORDER = Comparator.<Draft>comparingLong(
                    d -> d.unit().memberId())
            .thenComparing(d -> d.unit().occurredAt());

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<UnitLabeller> labeller;
    private final CopyIn copy;
    private final DirtyRanges dirty;
    private final boolean multiRow;
    private final String insertOne;
    private final String update;
    private final String updateLabelled;
    private volatile String fullChunkInsert;

    ComparedUnitWriter(
            JdbcTemplate template,
            JdbcClient jdbc,
            SqlDialect dialect,
            Clock clock,
            ObjectProvider<UnitLabeller> labeller,
            DirtyRanges dirty) {
        this.template = template;
        this.copy = new CopyIn(template.getDataSource(), "work_units", insertColumns());
        this.dirty = dirty;
        this.jdbc = jdbc;
        this.clock = clock;
        this.labeller = labeller;
        this.multiRow = dialect.isPostgres();
        List<String> columns = insertColumns();
        // a unit a sync stored between the read and this insert was derived by the same rules
        this.insertOne = "INSERT INTO work_units (" + String.join(", ", columns) + ") VALUES " + marks(columns.size())
                + (multiRow ? " ON CONFLICT (member_id, source_key) DO NOTHING" : "");
        List<String> set = WorkUnits.COLUMNS.stream()
                .filter(c -> !c.equals("member_id") && !c.equals("source_key"))
                .toList();
        List<String> setLabelled = new ArrayList<>(set);
        setLabelled.addAll(LABEL_COLUMNS);
        this.update = updateOf(set);
        this.updateLabelled = updateOf(setLabelled);
    }

    private static List<String> insertColumns() {
        List<String> columns = new ArrayList<>(WorkUnits.COLUMNS);
        columns.addAll(LABEL_COLUMNS);
        return columns;
    }

    private static String updateOf(List<String> columns) {
        return "UPDATE work_units SET "
                + String.join(", ", columns.stream().map(c -> c + " = ?").toList())
                + " WHERE member_id = ? AND source_key = ?";
    }

    private static String marks(int columns) {
        return "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
    }

    /** A unit to write, its content hash worked out once. */
    private record Draft(WorkUnitDraft unit, String hash) {

        String key() {
            return unit.memberId() + "\u0000" + unit.sourceKey();
        }
    }

    /** What is stored of a unit beyond its content hash, compared with what a draft would write. */
    private record Stored(
            String contentHash,
            Instant occurredAt,
            String url,
            String author,
            boolean threadReply,
            String parentTitle,
            String files) {}

    void write(List<WorkUnitDraft> all) {
        if (all.isEmpty()) {
            return;
        }
        Map<String, Draft> unique = new LinkedHashMap<>();
        for (WorkUnitDraft d : all) {
            var draft = new Draft(d, WorkUnits.contentHash(d));
            unique.put(draft.key(), draft);
        }
        Map<String, Stored> stored = stored(unique.values());
        List<Draft> fresh = new ArrayList<>();
        List<Draft> changed = new ArrayList<>();
        for (Draft d : unique.values()) {
            Stored s = stored.get(d.key());
            if (s == null) {
                fresh.add(d);
            } else if (!same(d, s)) {
                changed.add(d);
            }
        }
        if (fresh.isEmpty() && changed.isEmpty()) {
            return;
        }
        // the day tallies count these days again at their next read, where a changed unit was and is
        DirtyRanges.Touched touched = new DirtyRanges.Touched();
        fresh.forEach(d -> touched.add(d.unit().memberId(), d.unit().occurredAt()));
        for (Draft d : changed) {
            touched.add(d.unit().memberId(), d.unit().occurredAt());
            touched.add(d.unit().memberId(), stored.get(d.key()).occurredAt());
        }
        dirty.record(touched);
        List<Draft> toLabel = new ArrayList<>(fresh);
        changed.stream()
                .filter(d -> !d.hash().equals(stored.get(d.key()).contentHash()))
                .forEach(toLabel::add);
        Map<String, UnitLabeller.Label> labels = labels(toLabel);
        var now = Rows.utc(clock.instant());
        // in the order of the report index (member, time): its entries, the widest of a unit's, then go
        // into neighbouring leaf pages instead of one page per unit across the member's whole year
        fresh.sort(IN_INDEX_ORDER);
        insert(fresh, labels, now);
        List<Draft> relabelled = new ArrayList<>();
        List<Draft> kept = new ArrayList<>();
        for (Draft d : changed) {
            boolean newText = !d.hash().equals(stored.get(d.key()).contentHash());
            (newText && labels.containsKey(d.hash()) ? relabelled : kept).add(d);
        }
        // a unit whose text is the same keeps its label; one whose text changed gets its new label
        template.batchUpdate(update, kept, 500, (ps, d) -> {
            int c = bindValues(ps, 0, d, now, false);
            ps.setLong(++c, d.unit().memberId());
            ps.setString(++c, d.unit().sourceKey());
        });
        template.batchUpdate(updateLabelled, relabelled, 500, (ps, d) -> {
            int c = bindLabel(ps, bindValues(ps, 0, d, now, false), d, labels);
            ps.setLong(++c, d.unit().memberId());
            ps.setString(++c, d.unit().sourceKey());
        });
    }

    /**
     * What is stored under the drafts' keys, in one range read of the (member, source key) index.
     * The range may hold other keys (a caller's batch is usually one channel's run of messages).
     */
    private Map<String, Stored> stored(java.util.Collection<Draft> drafts) {
        Set<Long> members = new LinkedHashSet<>();
        String lo = null;
        String hi = null;
        for (Draft d : drafts) {
            members.add(d.unit().memberId());
            String key = d.unit().sourceKey();
            lo = lo == null || key.compareTo(lo) < 0 ? key : lo;
            hi = hi == null || key.compareTo(hi) > 0 ? key : hi;
        }
        Map<String, Stored> out = new HashMap<>();
        jdbc.sql("SELECT member_id, source_key, content_hash, occurred_at, url, author, thread_reply, parent_title,"
                        + " files FROM work_units WHERE member_id IN (:members) AND source_key >= :lo"
                        + " AND source_key <= :hi")
                .param("members", members)
                .param("lo", lo)
                .param("hi", hi)
                .query(rs -> {
                    out.put(
                            rs.getLong("member_id") + "\u0000" + rs.getString("source_key"),
                            new Stored(
                                    rs.getString("content_hash"),
                                    Rows.instant(rs, "occurred_at"),
                                    rs.getString("url"),
                                    rs.getString("author"),
                                    rs.getBoolean("thread_reply"),
                                    rs.getString("parent_title"),
                                    rs.getString("files")));
                });
        return out;
    }

    /**
     * Whether the draft would write what is stored. The content hash stands for source, kind, role,
     * title, body, channel and repo; the other columns are compared as they would be written.
     */
    private static boolean same(Draft d, Stored s) {
        WorkUnitDraft u = d.unit();
        return d.hash().equals(s.contentHash())
                && Objects.equals(micros(u.occurredAt()), micros(s.occurredAt()))
                && Objects.equals(WorkUnits.truncate(u.url(), 1000), s.url())
                && Objects.equals(WorkUnits.truncate(u.author(), 200), s.author())
                && u.threadReply() == s.threadReply()
                && Objects.equals(WorkUnits.truncate(u.parentTitle(), 300), s.parentTitle())
                && Objects.equals(u.files(), s.files());
    }

    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    private Map<String, UnitLabeller.Label> labels(List<Draft> drafts) {
        UnitLabeller classifier = labeller.getIfAvailable();
        if (classifier == null || drafts.isEmpty()) {
            return Map.of();
        }
        Map<String, UnitLabels.Text> texts = new LinkedHashMap<>();
        for (Draft d : drafts) {
            WorkUnitDraft u = d.unit();
            // as classification would read it back from the row
            texts.putIfAbsent(
                    d.hash(),
                    new UnitLabels.Text(
                            0,
                            d.hash(),
                            u.source(),
                            u.kind(),
                            u.role(),
                            WorkUnits.truncate(u.title(), 1000),
                            u.body(),
                            WorkUnits.truncate(u.channel(), 200),
                            WorkUnits.truncate(u.repo(), 300)));
        }
        return classifier.labels(List.copyOf(texts.values()));
    }

    private void insert(List<Draft> fresh, Map<String, UnitLabeller.Label> labels, Object now) {
        if (fresh.isEmpty()) {
            return;
        }
        if (multiRow && copy.insert(fresh, d -> row(d, labels, now))) {
            return;
        }
        if (!multiRow) {
            template.batchUpdate(
                    insertOne, fresh, 500, (ps, d) -> bindLabel(ps, bindValues(ps, 0, d, now, true), d, labels));
            return;
        }
        for (int from = 0; from < fresh.size(); from += ROWS_PER_STATEMENT) {
            List<Draft> chunk = fresh.subList(from, Math.min(fresh.size(), from + ROWS_PER_STATEMENT));
            template.update(insert(chunk.size()), ps -> {
                int c = 0;
                for (Draft d : chunk) {
                    c = bindLabel(ps, bindValues(ps, c, d, now, true), d, labels);
                }
            });
        }
    }

    /** The INSERT of {@code rows} units in one statement. */
    private String insert(int rows) {
        if (rows == ROWS_PER_STATEMENT && fullChunkInsert != null) {
            return fullChunkInsert;
        }
        String one = marks(WorkUnits.COLUMNS.size() + LABEL_COLUMNS.size());
        String sql = insertOne.replace("VALUES " + one, "VALUES " + String.join(", ", Collections.nCopies(rows, one)));
        if (rows == ROWS_PER_STATEMENT) {
            fullChunkInsert = sql;
        }
        return sql;
    }

    /** The unit's columns in {@link WorkUnits#COLUMNS} order; an update's SET leaves the keys out. */
    private static int bindValues(PreparedStatement ps, int column, Draft d, Object now, boolean keys)
            throws SQLException {
        int c = column;
        WorkUnitDraft u = d.unit();
        if (keys) {
            ps.setLong(++c, u.memberId());
            ps.setString(++c, u.sourceKey());
        }
        ps.setString(++c, u.source());
        ps.setString(++c, u.kind().code());
        ps.setString(++c, u.role());
        ps.setObject(++c, Rows.utc(u.occurredAt()));
        ps.setString(++c, WorkUnits.truncate(u.title(), 1000));
        ps.setString(++c, u.body());
        ps.setString(++c, WorkUnits.truncate(u.url(), 1000));
        ps.setString(++c, WorkUnits.truncate(u.channel(), 200));
        ps.setString(++c, WorkUnits.truncate(u.repo(), 300));
        ps.setString(++c, d.hash());
        ps.setObject(++c, now);
        ps.setString(++c, WorkUnits.truncate(u.author(), 200));
        ps.setBoolean(++c, u.threadReply());
        ps.setString(++c, WorkUnits.truncate(u.parentTitle(), 300));
        ps.setString(++c, u.files());
        return c;
    }

    /** The values {@link #insertOne} binds, for COPY. */
    private static Object[] row(Draft d, Map<String, UnitLabeller.Label> labels, Object now) {
        WorkUnitDraft u = d.unit();
        UnitLabeller.Label label = labels.get(d.hash());
        return new Object[] {
            u.memberId(),
            u.sourceKey(),
            u.source(),
            u.kind().code(),
            u.role(),
            u.occurredAt(),
            WorkUnits.truncate(u.title(), 1000),
            u.body(),
            WorkUnits.truncate(u.url(), 1000),
            WorkUnits.truncate(u.channel(), 200),
            WorkUnits.truncate(u.repo(), 300),
            d.hash(),
            now,
            WorkUnits.truncate(u.author(), 200),
            u.threadReply(),
            WorkUnits.truncate(u.parentTitle(), 300),
            u.files(),
            label == null ? "unknown" : label.category(),
            label == null ? null : label.confidence(),
            label == null ? null : label.classifier(),
            label == null ? null : label.promptVersion(),
            label == null ? null : d.hash()
        };
    }

    /** The label columns: a label of the text, or the table's defaults (unlabelled). */
    private static int bindLabel(PreparedStatement ps, int column, Draft d, Map<String, UnitLabeller.Label> labels)
            throws SQLException {
        int c = column;
        UnitLabeller.Label label = labels.get(d.hash());
        if (label == null) {
            ps.setString(++c, "unknown");
            ps.setNull(++c, java.sql.Types.DOUBLE);
            ps.setNull(++c, java.sql.Types.VARCHAR);
            ps.setNull(++c, java.sql.Types.VARCHAR);
            ps.setNull(++c, java.sql.Types.VARCHAR);
            return c;
        }
        ps.setString(++c, label.category());
        ps.setDouble(++c, label.confidence());
        ps.setString(++c, label.classifier());
        ps.setString(++c, label.promptVersion());
        ps.setString(++c, d.hash());
        return c;
    }
}
