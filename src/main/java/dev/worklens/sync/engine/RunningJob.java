package dev.worklens.sync.engine;

import dev.worklens.sync.SyncRange;
import dev.worklens.team.Operator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * A job this process is running: its tasks, and the ticker's view of whether it should stop
 * (a cancel asked for on any instance, or this server shutting down).
 */
final class RunningJob {

    private final JobView job;
    private final Operator operator;
    private final String runner;
    private final SyncJobs jobs;
    private final Clock clock;
    private final Duration heartbeatInterval;
    private final BooleanSupplier shuttingDown;
    private final ZoneId reportZone;
    private final List<EngineTask> tasks = new CopyOnWriteArrayList<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private Instant lastHeartbeat;

    RunningJob(
            JobView job,
            Operator operator,
            String runner,
            SyncJobs jobs,
            Clock clock,
            Duration heartbeatInterval,
            BooleanSupplier shuttingDown,
            ZoneId reportZone) {
        this.job = job;
        this.operator = operator;
        this.runner = runner;
        this.jobs = jobs;
        this.clock = clock;
        this.heartbeatInterval = heartbeatInterval;
        this.shuttingDown = shuttingDown;
        this.reportZone = reportZone;
        this.lastHeartbeat = clock.instant();
    }

    long id() {
        return job.id();
    }

    Operator operator() {
        return operator;
    }

    SyncRange range() {
        // the job's dates were picked as days of the report's zone
        return new SyncRange(job.from(), job.to(), reportZone);
    }

    String githubMode() {
        return job.githubMode();
    }

    void add(List<EngineTask> more) {
        tasks.addAll(more);
    }

    List<EngineTask> tasks() {
        return tasks;
    }

    /** A sentence for the job's note from a source; each once. */
    void note(String text) {
        if (text != null && !text.isBlank() && !notes.contains(text)) {
            notes.add(text);
        }
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    boolean cancelled() {
        return cancelled;
    }

    boolean shuttingDown() {
        return shuttingDown.getAsBoolean();
    }

    boolean stopRequested() {
        return cancelled || shuttingDown();
    }

    /** Runs on the ticker: writes pending progress, reads the cancel flag, says it is alive. */
    void tick() {
        for (EngineTask task : tasks) {
            task.flush();
        }
        if (!cancelled && jobs.cancelRequested(job.id())) {
            cancelled = true;
        }
        Instant now = clock.instant();
        if (!now.isBefore(lastHeartbeat.plus(heartbeatInterval))) {
            jobs.heartbeat(job.id(), runner);
            lastHeartbeat = now;
        }
    }
}
