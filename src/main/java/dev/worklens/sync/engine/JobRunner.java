package dev.worklens.sync.engine;

import dev.worklens.sync.Source;
import dev.worklens.sync.SyncCancelledException;
import dev.worklens.sync.SyncState;
import dev.worklens.system.ErrorWords;
import dev.worklens.system.Settings;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.net.InetAddress;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs one job: claims it, runs each source on its own thread (one source failing leaves the
 * other running), writes the outcome. On shutdown it asks running sources to stop at their next
 * page and marks what they left open as interrupted, so nothing stays "running" forever.
 */
@Component
public class JobRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final SyncJobs jobs;
    private final SyncSources sources;
    private final Operators operators;
    private final Roster roster;
    private final Clock clock;
    private final SyncProperties properties;
    private final boolean production;
    private final String runnerId = runnerName();
    private final Set<RunningJob> active = ConcurrentHashMap.newKeySet();
    private volatile ExecutorService sourceThreads;
    private volatile ScheduledExecutorService ticker;
    private volatile boolean running;
    private volatile boolean stopping = true;
    private final ZoneId reportZone;

    JobRunner(
            SyncJobs jobs,
            SyncSources sources,
            Operators operators,
            Roster roster,
            Clock clock,
            SyncProperties properties,
            Settings settings) {
        this.production = settings.app().env().isProduction();
        this.reportZone = settings.app().reportTimezone();
        this.jobs = jobs;
        this.sources = sources;
        this.operators = operators;
        this.roster = roster;
        this.clock = clock;
        this.properties = properties;
    }

    public String runnerId() {
        return runnerId;
    }

    /** Runs the job if it is still queued; returns once every task has ended. */
    public void run(long jobId) {
        if (stopping || !jobs.claim(jobId, runnerId)) {
            return;
        }
        RunningJob job = null;
        try {
            JobView view = jobs.job(jobId).orElseThrow();
            Operator operator = operators.find(view.operatorId()).orElseThrow();
            job = new RunningJob(
                    view, operator, runnerId, jobs, clock, properties.heartbeatInterval(), () -> stopping, reportZone);
            active.add(job);
            execute(view, job);
        } catch (RuntimeException e) {
            log.error("Sync job {} stopped unexpectedly", jobId, e);
            if (job != null) {
                job.tasks().forEach(t -> t.end(SyncState.FAILED, words("the sync", e)));
            }
            jobs.tasks(jobId).stream()
                    .filter(JobView.TaskView::open)
                    .forEach(t -> jobs.finishTask(
                            t.id(), SyncState.FAILED, words("the sync", e), t.done(), t.total(), t.items()));
            jobs.finishJob(jobId, SyncState.FAILED, words("the sync", e));
        } finally {
            if (job != null) {
                active.remove(job);
            }
        }
    }

    private void execute(JobView view, RunningJob job) {
        Map<String, List<JobView.TaskView>> bySource = view.tasks().stream()
                .filter(t -> t.state() == SyncState.QUEUED)
                .collect(Collectors.groupingBy(JobView.TaskView::source, LinkedHashMap::new, Collectors.toList()));
        Map<Long, Member> members =
                roster
                        .findAll(view.tasks().stream()
                                .map(JobView.TaskView::memberId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(Member::id, Function.identity()));
        List<Future<?>> running = new ArrayList<>();
        ScheduledFuture<?> ticks = ticker.scheduleWithFixedDelay(
                () -> tick(job),
                properties.progressInterval().toMillis(),
                properties.progressInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            for (var entry : bySource.entrySet()) {
                List<EngineTask> tasks = new ArrayList<>();
                for (JobView.TaskView task : entry.getValue()) {
                    Member member = members.get(task.memberId());
                    if (member == null) {
                        jobs.finishTask(
                                task.id(), SyncState.SKIPPED, "This member was removed from the roster.", 0, 0, 0);
                    } else {
                        tasks.add(new EngineTask(task.id(), member, jobs, properties.progressInterval()));
                    }
                }
                Source source = sources.find(entry.getKey()).orElse(null);
                if (tasks.isEmpty() || source == null) {
                    tasks.forEach(t -> t.end(SyncState.SKIPPED, "No " + entry.getKey() + " source is installed."));
                    continue;
                }
                jobs.startTasks(view.id(), entry.getKey());
                job.add(tasks);
                EngineRun run = new EngineRun(job, tasks);
                running.add(sourceThreads.submit(() -> runSource(source, run, job)));
            }
            for (Future<?> future : running) {
                await(future);
            }
        } finally {
            ticks.cancel(false);
        }
        jobs.finishJob(view.id(), outcome(view.id(), job), note(view.id(), job));
    }

    private void runSource(Source source, EngineRun run, RunningJob job) {
        try {
            source.run(run);
            close(run, SyncState.SUCCEEDED, null);
        } catch (SyncCancelledException e) {
            if (job.cancelled()) {
                close(run, SyncState.CANCELLED, "cancelled; what was read before stays stored");
            } else {
                close(run, SyncState.FAILED, JobView.INTERRUPTED);
            }
        } catch (Exception | Error e) {
            log.warn("The {} source failed in sync job {}", source.id(), run.jobId(), e);
            close(run, SyncState.FAILED, job.shuttingDown() ? JobView.INTERRUPTED : words(source.id(), e));
        }
    }

    private static void close(EngineRun run, SyncState state, String error) {
        for (EngineTask task : run.engineTasks()) {
            task.end(state, error);
        }
    }

    private SyncState outcome(long jobId, RunningJob job) {
        // a cancel that came after every task had finished leaves the job's real outcome
        List<JobView.TaskView> tasks = jobs.tasks(jobId);
        if (job.cancelled() && tasks.stream().anyMatch(t -> t.state() == SyncState.CANCELLED)) {
            return SyncState.CANCELLED;
        }
        return tasks.stream().anyMatch(t -> t.state() == SyncState.FAILED) ? SyncState.FAILED : SyncState.SUCCEEDED;
    }

    private String note(long jobId, RunningJob job) {
        List<JobView.TaskView> tasks = jobs.tasks(jobId);
        if (job.shuttingDown() && tasks.stream().anyMatch(t -> JobView.INTERRUPTED.equals(t.error()))) {
            return JobView.INTERRUPTED;
        }
        long failed = tasks.stream().filter(t -> t.state() == SyncState.FAILED).count();
        List<String> parts = new ArrayList<>();
        if (failed > 0) {
            parts.add(failed + " of " + tasks.size() + " tasks failed; the others kept what they stored.");
        }
        parts.addAll(job.notes());
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private void tick(RunningJob job) {
        try {
            job.tick();
        } catch (RuntimeException e) {
            // a lost write is rewritten on the next tick; the ticker must keep running
            log.warn("Could not write progress of sync job {}: {}", job.id(), e.getMessage());
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.error("A sync source thread failed", e.getCause());
        }
    }

    /** The first line of what went wrong, never a stack trace; in production never a library's text. */
    String words(String what, Throwable e) {
        return ErrorWords.of(what, e, production);
    }

    public int activeJobs() {
        return active.size();
    }

    /** Also after a stop: a paused test context, or a restarted lifecycle, runs jobs again. */
    @Override
    public synchronized void start() {
        sourceThreads = Executors.newFixedThreadPool(properties.sourceThreads(), named("sync-source"));
        ticker = Executors.newSingleThreadScheduledExecutor(named("sync-progress"));
        stopping = false;
        running = true;
    }

    @Override
    public synchronized void stop() {
        stopping = true;
        long deadline = System.nanoTime() + properties.stopWait().toNanos();
        while (!active.isEmpty() && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        sourceThreads.shutdown();
        ticker.shutdown();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static String runnerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "worklens";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
