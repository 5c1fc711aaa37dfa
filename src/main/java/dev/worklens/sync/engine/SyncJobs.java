package dev.worklens.sync.engine;

import dev.worklens.sync.SyncState;
import dev.worklens.system.db.Rows;
import dev.worklens.team.Member;
import dev.worklens.team.Roster;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The rows of {@code sync_jobs} and {@code sync_tasks}: the engine's whole state lives here. */
@Repository
public class SyncJobs {

    private static final String JOB_COLUMNS = "id, operator_id, state, members_spec, sources, range_from, range_to,"
            + " github_mode, schedule_id, cancel_requested, note, created_at, started_at, finished_at";
    private static final String TASK_COLUMNS =
            "t.id, t.member_id, t.source, t.state, t.done," + " t.total, t.items, t.error, t.started_at, t.finished_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Roster roster;

    SyncJobs(JdbcClient jdbc, Clock clock, Roster roster) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.roster = roster;
    }

    /**
     * Stores a queued job with one task per (member, source). A source no bean provides gets a
     * skipped task at once. Throws 409 when one of the pairs is already queued or running: the
     * unique {@code active_key} makes that check atomic across instances.
     */
    @Transactional
    public long create(JobRequest request, Predicate<String> installed) {
        Instant now = clock.instant();
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sync_jobs (operator_id, state, members_spec, sources, range_from, range_to, github_mode,"
                        + " schedule_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        request.operator().id(),
                        SyncState.QUEUED.code(),
                        request.membersSpec(),
                        String.join(",", request.sources()),
                        request.range().from(),
                        request.range().to(),
                        request.githubMode(),
                        request.scheduleId(),
                        Rows.utc(now))
                .update(key, "id");
        long jobId = key.getKeyAs(Long.class);
        for (Member member : request.members()) {
            for (String source : request.sources()) {
                if (installed.test(source)) {
                    insertQueued(jobId, member, source, now);
                } else {
                    jdbc.sql("INSERT INTO sync_tasks (job_id, member_id, source, state, error, finished_at, updated_at)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                            .params(
                                    jobId,
                                    member.id(),
                                    source,
                                    SyncState.SKIPPED.code(),
                                    "No " + source + " source is installed on this server, so " + source
                                            + " was not synced.",
                                    Rows.utc(now),
                                    Rows.utc(now))
                            .update();
                }
            }
        }
        return jobId;
    }

    private void insertQueued(long jobId, Member member, String source, Instant now) {
        try {
            jdbc.sql("INSERT INTO sync_tasks (job_id, member_id, source, state, active_key, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            jobId,
                            member.id(),
                            source,
                            SyncState.QUEUED.code(),
                            activeKey(member.id(), source),
                            Rows.utc(now))
                    .update();
        } catch (DuplicateKeyException e) {
            // PostgreSQL aborts the transaction here; the caller looks up the other job afterwards
            throw new AlreadyRunning(member, source);
        }
    }

    /** The job that holds a (member, source) pair right now, if any. */
    public Optional<Long> runningJob(long memberId, String source) {
        return jdbc.sql("SELECT job_id FROM sync_tasks WHERE active_key = ?")
                .param(activeKey(memberId, source))
                .query(Long.class)
                .optional();
    }

    /** A (member, source) pair is already queued or running in another job. */
    public static class AlreadyRunning extends RuntimeException {
        private final transient Member member;
        private final String source;

        AlreadyRunning(Member member, String source) {
            super("a " + source + " sync of member " + member.id() + " is already running");
            this.member = member;
            this.source = source;
        }

        public Member member() {
            return member;
        }

        public String source() {
            return source;
        }
    }

    static String activeKey(long memberId, String source) {
        return memberId + ":" + source;
    }

    /** Takes a queued job for this runner; false when it was cancelled, taken, or is gone. */
    public boolean claim(long jobId, String runner) {
        var now = Rows.utc(clock.instant());
        return jdbc.sql("UPDATE sync_jobs SET state = ?, runner = ?, started_at = ?, heartbeat_at = ?"
                                + " WHERE id = ? AND state = ?")
                        .params(SyncState.RUNNING.code(), runner, now, now, jobId, SyncState.QUEUED.code())
                        .update()
                == 1;
    }

    public Optional<JobView> job(long id) {
        return jdbc.sql("SELECT " + JOB_COLUMNS + " FROM sync_jobs WHERE id = ?")
                .param(id)
                .query(SyncJobs::mapJob)
                .optional()
                .map(j -> j.withTasks(tasks(id)));
    }

    /** Newest first, with their tasks. */
    public List<JobView> recent(long operatorId, int limit) {
        List<JobView> jobs = jdbc.sql(
                        "SELECT " + JOB_COLUMNS + " FROM sync_jobs WHERE operator_id = ? ORDER BY id DESC LIMIT ?")
                .params(operatorId, limit)
                .query(SyncJobs::mapJob)
                .list();
        if (jobs.isEmpty()) {
            return jobs;
        }
        Map<Long, List<JobView.TaskView>> byJob = jdbc
                .sql("SELECT t.job_id, " + TASK_COLUMNS + " FROM sync_tasks t WHERE t.job_id IN (:ids) ORDER BY t.id")
                .param("ids", jobs.stream().map(JobView::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong("job_id"), mapTask(rs, n)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<Long, String> names =
                names(byJob.values().stream().flatMap(List::stream).toList());
        return jobs.stream()
                .map(j -> j.withTasks(named(byJob.getOrDefault(j.id(), List.of()), names)))
                .toList();
    }

    public List<JobView.TaskView> tasks(long jobId) {
        List<JobView.TaskView> tasks = jdbc.sql(
                        "SELECT " + TASK_COLUMNS + " FROM sync_tasks t WHERE t.job_id = ? ORDER BY t.id")
                .param(jobId)
                .query(SyncJobs::mapTask)
                .list();
        return named(tasks, names(tasks));
    }

    /** Members' names from team's roster; a removed member's task keeps no name, as before. */
    private Map<Long, String> names(List<JobView.TaskView> tasks) {
        var ids = tasks.stream().map(JobView.TaskView::memberId).distinct().toList();
        Map<Long, String> names = new java.util.HashMap<>();
        roster.findAll(ids).forEach(m -> names.put(m.id(), m.displayName()));
        return names;
    }

    private static List<JobView.TaskView> named(List<JobView.TaskView> tasks, Map<Long, String> names) {
        return tasks.stream()
                .map(t -> new JobView.TaskView(
                        t.id(),
                        t.memberId(),
                        names.get(t.memberId()),
                        t.source(),
                        t.state(),
                        t.done(),
                        t.total(),
                        t.items(),
                        t.error(),
                        t.startedAt(),
                        t.finishedAt()))
                .toList();
    }

    public void startTasks(long jobId, String source) {
        var now = Rows.utc(clock.instant());
        jdbc.sql("UPDATE sync_tasks SET state = ?, started_at = ?, updated_at = ? WHERE job_id = ? AND source = ?"
                        + " AND state = ?")
                .params(SyncState.RUNNING.code(), now, now, jobId, source, SyncState.QUEUED.code())
                .update();
    }

    public void progress(long taskId, int done, int total, int items) {
        jdbc.sql("UPDATE sync_tasks SET done = ?, total = ?, items = ?, updated_at = ? WHERE id = ? AND active_key IS"
                        + " NOT NULL")
                .params(done, total, items, Rows.utc(clock.instant()), taskId)
                .update();
    }

    /** Ends a task; an already ended task keeps its outcome. Frees the (member, source) pair. */
    public void finishTask(long taskId, SyncState state, String error, int done, int total, int items) {
        var now = Rows.utc(clock.instant());
        jdbc.sql("UPDATE sync_tasks SET state = ?, error = ?, done = ?, total = ?, items = ?, finished_at = ?,"
                        + " updated_at = ?, active_key = NULL WHERE id = ? AND state IN (?, ?)")
                .params(
                        state.code(),
                        clip(error),
                        done,
                        total,
                        items,
                        now,
                        now,
                        taskId,
                        SyncState.QUEUED.code(),
                        SyncState.RUNNING.code())
                .update();
    }

    public void heartbeat(long jobId, String runner) {
        jdbc.sql("UPDATE sync_jobs SET heartbeat_at = ? WHERE id = ? AND runner = ?")
                .params(Rows.utc(clock.instant()), jobId, runner)
                .update();
    }

    public boolean cancelRequested(long jobId) {
        return jdbc.sql("SELECT cancel_requested FROM sync_jobs WHERE id = ?")
                .param(jobId)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    /**
     * Asks a job to stop. A job still queued ends cancelled right here (no runner has it); a
     * running one is told through {@code cancel_requested}, which its runner reads.
     */
    @Transactional
    public void requestCancel(long jobId) {
        var now = Rows.utc(clock.instant());
        jdbc.sql("UPDATE sync_jobs SET cancel_requested = TRUE WHERE id = ? AND state IN (?, ?)")
                .params(jobId, SyncState.QUEUED.code(), SyncState.RUNNING.code())
                .update();
        int queued = jdbc.sql("UPDATE sync_jobs SET state = ?, finished_at = ? WHERE id = ? AND state = ?")
                .params(SyncState.CANCELLED.code(), now, jobId, SyncState.QUEUED.code())
                .update();
        if (queued == 1) {
            jdbc.sql("UPDATE sync_tasks SET state = ?, error = ?, finished_at = ?, updated_at = ?, active_key = NULL"
                            + " WHERE job_id = ? AND state IN (?, ?)")
                    .params(
                            SyncState.CANCELLED.code(),
                            "cancelled before it started",
                            now,
                            now,
                            jobId,
                            SyncState.QUEUED.code(),
                            SyncState.RUNNING.code())
                    .update();
        }
    }

    public void finishJob(long jobId, SyncState state, String note) {
        jdbc.sql("UPDATE sync_jobs SET state = ?, note = ?, finished_at = ? WHERE id = ? AND state IN (?, ?)")
                .params(
                        state.code(),
                        clip(note),
                        Rows.utc(clock.instant()),
                        jobId,
                        SyncState.QUEUED.code(),
                        SyncState.RUNNING.code())
                .update();
    }

    /**
     * Ends jobs whose runner stopped heartbeating before {@code staleBefore}: their open tasks
     * fail as interrupted. A job a live instance runs heartbeats and is never touched.
     */
    @Transactional
    public List<Long> interruptStale(Instant staleBefore) {
        List<Long> stale = jdbc.sql("SELECT id FROM sync_jobs WHERE state = ? AND heartbeat_at < ?")
                .params(SyncState.RUNNING.code(), Rows.utc(staleBefore))
                .query(Long.class)
                .list();
        var now = Rows.utc(clock.instant());
        for (long id : stale) {
            int taken = jdbc.sql("UPDATE sync_jobs SET state = ?, note = ?, finished_at = ? WHERE id = ? AND state = ?"
                            + " AND heartbeat_at < ?")
                    .params(
                            SyncState.FAILED.code(),
                            JobView.INTERRUPTED,
                            now,
                            id,
                            SyncState.RUNNING.code(),
                            Rows.utc(staleBefore))
                    .update();
            if (taken == 1) {
                jdbc.sql("UPDATE sync_tasks SET state = ?, error = ?, finished_at = ?, updated_at = ?, active_key ="
                                + " NULL WHERE job_id = ? AND state IN (?, ?)")
                        .params(
                                SyncState.FAILED.code(),
                                JobView.INTERRUPTED,
                                now,
                                now,
                                id,
                                SyncState.QUEUED.code(),
                                SyncState.RUNNING.code())
                        .update();
            }
        }
        return stale;
    }

    /** Queued jobs older than {@code before}, so their execution can be scheduled again if it was lost. */
    public List<Long> queuedBefore(Instant before) {
        return jdbc.sql("SELECT id FROM sync_jobs WHERE state = ? AND created_at < ?")
                .params(SyncState.QUEUED.code(), Rows.utc(before))
                .query(Long.class)
                .list();
    }

    /** Member ids that took part in this operator's syncs. */
    public List<Long> memberIdsSynced(long operatorId) {
        return jdbc.sql("SELECT DISTINCT t.member_id FROM sync_tasks t JOIN sync_jobs j ON j.id = t.job_id"
                        + " WHERE j.operator_id = ?")
                .param(operatorId)
                .query(Long.class)
                .list();
    }

    /** Member ids that took part in any operator's syncs. */
    public List<Long> memberIdsSyncedByAnyone() {
        return jdbc.sql("SELECT DISTINCT member_id FROM sync_tasks")
                .query(Long.class)
                .list();
    }

    private static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }

    private static JobView mapJob(ResultSet rs, int row) throws SQLException {
        return new JobView(
                rs.getLong("id"),
                rs.getLong("operator_id"),
                SyncState.of(rs.getString("state")),
                rs.getString("members_spec"),
                Arrays.asList(rs.getString("sources").split(",")),
                rs.getObject("range_from", java.time.LocalDate.class),
                rs.getObject("range_to", java.time.LocalDate.class),
                rs.getString("github_mode"),
                rs.getObject("schedule_id", Long.class),
                rs.getBoolean("cancel_requested"),
                rs.getString("note"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "started_at"),
                Rows.instant(rs, "finished_at"),
                List.of());
    }

    private static JobView.TaskView mapTask(ResultSet rs, int row) throws SQLException {
        return new JobView.TaskView(
                rs.getLong("id"),
                rs.getLong("member_id"),
                null,
                rs.getString("source"),
                SyncState.of(rs.getString("state")),
                rs.getInt("done"),
                rs.getInt("total"),
                rs.getInt("items"),
                rs.getString("error"),
                Rows.instant(rs, "started_at"),
                Rows.instant(rs, "finished_at"));
    }
}
