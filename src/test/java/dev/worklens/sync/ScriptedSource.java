package dev.worklens.sync;

import dev.worklens.activity.UnitKind;
import dev.worklens.activity.WorkUnitDraft;
import dev.worklens.activity.WorkUnits;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only {@link Source} whose behaviour a test picks: fast, gated (waits for the test to
 * release each step, checking for cancel while it waits), failing, or failing one member. Each
 * step stores one work unit per member with a stable key, so a re-run must update, not add.
 */
public class ScriptedSource implements Source {

    /** Runs per (job, source) across every context in this JVM: the two-instance test counts them. */
    public static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    public enum Mode {
        FAST,
        GATED,
        FAILING,
        FAIL_FIRST_MEMBER
    }

    private final String id;
    private final WorkUnits units;
    private volatile Mode mode = Mode.FAST;
    private volatile int steps = 3;
    private final Semaphore gate = new Semaphore(0);
    private final AtomicInteger stepsTaken = new AtomicInteger();

    public ScriptedSource(String id, WorkUnits units) {
        this.id = id;
        this.units = units;
    }

    public void reset(Mode mode, int steps) {
        this.mode = mode;
        this.steps = steps;
        gate.drainPermits();
        stepsTaken.set(0);
    }

    /** Lets a gated run take {@code n} more steps. */
    public void release(int n) {
        gate.release(n);
    }

    public int stepsTaken() {
        return stepsTaken.get();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void run(SourceRun run) throws Exception {
        RUNS.computeIfAbsent(run.jobId() + ":" + id, k -> new AtomicInteger()).incrementAndGet();
        if (mode == Mode.FAILING) {
            throw new IllegalStateException(id + " answered invalid_auth: reconnect on the Connect page");
        }
        if (mode == Mode.FAIL_FIRST_MEMBER) {
            run.tasks()
                    .get(0)
                    .fail("No GitHub login for " + run.tasks().get(0).member().displayName());
        }
        for (SourceTask task : run.tasks()) {
            task.total(steps);
        }
        for (int step = 0; step < steps; step++) {
            if (mode == Mode.GATED) {
                while (!gate.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                    run.checkCancelled();
                }
            }
            run.checkCancelled();
            for (SourceTask task : run.tasks()) {
                if (task.finished()) {
                    continue;
                }
                units.store(List.of(draft(task, step)));
                task.advance(1, 1);
            }
            stepsTaken.incrementAndGet();
        }
    }

    private WorkUnitDraft draft(SourceTask task, int step) {
        return new WorkUnitDraft(
                task.member().id(),
                id,
                UnitKind.DISCUSSION,
                "authored",
                id + ":test:" + task.member().id() + ":" + step,
                Instant.parse("2026-11-20T10:00:00Z").plusSeconds(step),
                "step " + step,
                "body " + step,
                null,
                null,
                null);
    }
}
