package dev.worklens.github.ingest;

import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What each GitHub query has already read, in {@code source_cursors}: the covered time range and
 * when it was last read. A sync whose range lies inside the covered one asks only for what changed
 * since then (minus a safety margin for clock skew and GitHub's search index lag).
 */
public class CoveredRanges {

    static final Duration MARGIN = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String upsert;

    public CoveredRanges(JdbcTemplate jdbc, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.upsert = dialect.upsert(
                "source_cursors", "source, scope", "source, scope, covered_from, covered_to, position, updated_at");
    }

    public record Covered(Instant from, Instant to, Instant readAt) {}

    public Optional<Covered> find(String scope) {
        return jdbc
                .query(
                        "SELECT covered_from, covered_to, position FROM source_cursors WHERE source = 'github' AND"
                                + " scope = ?",
                        (rs, n) -> new Covered(
                                Rows.instant(rs, "covered_from"),
                                Rows.instant(rs, "covered_to"),
                                rs.getString("position") == null ? null : Instant.parse(rs.getString("position"))),
                        scope)
                .stream()
                .filter(c -> c.from() != null && c.to() != null && c.readAt() != null)
                .findFirst();
    }

    /**
     * A part of the requested range and how to read it: {@code changedSince} null means read it
     * all; otherwise an earlier read covered it and only what changed since that instant is new.
     */
    public record Segment(Instant from, Instant to, Instant changedSince) {

        /** The earliest instant this segment needs: its start, or the change time when later. */
        public Instant floor() {
            return changedSince != null && changedSince.isAfter(from) ? changedSince : from;
        }
    }

    /** Splits [from, to) into the part an earlier read covered (incremental) and the rest (full). */
    public java.util.List<Segment> plan(String scope, Instant from, Instant to) {
        var covered = find(scope);
        if (covered.isEmpty()) {
            return java.util.List.of(new Segment(from, to, null));
        }
        var c = covered.get();
        Instant overlapFrom = c.from().isAfter(from) ? c.from() : from;
        Instant overlapTo = c.to().isBefore(to) ? c.to() : to;
        if (!overlapFrom.isBefore(overlapTo)) {
            return java.util.List.of(new Segment(from, to, null));
        }
        var segments = new java.util.ArrayList<Segment>();
        if (from.isBefore(overlapFrom)) {
            segments.add(new Segment(from, overlapFrom, null));
        }
        segments.add(new Segment(overlapFrom, overlapTo, c.readAt().minus(MARGIN)));
        if (overlapTo.isBefore(to)) {
            segments.add(new Segment(overlapTo, to, null));
        }
        return segments;
    }

    /** The earliest "updated at" a row must have to matter for this plan. */
    public static Instant floor(java.util.List<Segment> plan) {
        return plan.stream().map(Segment::floor).min(Instant::compareTo).orElseThrow();
    }

    /**
     * Records a finished read of [from, to) that started at {@code readAt}: the whole range is now
     * current as of then. Coverage outside it is dropped rather than merged, because a single read
     * time must hold for every part of the covered range.
     */
    public void record(String scope, Instant from, Instant to, Instant readAt) {
        jdbc.update(
                upsert, "github", scope, Rows.utc(from), Rows.utc(to), readAt.toString(), Rows.utc(clock.instant()));
    }
}
