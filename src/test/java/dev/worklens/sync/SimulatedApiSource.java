package dev.worklens.sync;

import dev.worklens.activity.UnitKind;
import dev.worklens.activity.WorkUnitDraft;
import dev.worklens.activity.WorkUnits;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A benchmark source that spends a fixed time per page as an API call would, stores one work unit
 * per page, and measures its own time, so the engine's share of a job's wall time can be told
 * apart. In stepped mode it advances one page per permit and records when it advanced.
 */
public class SimulatedApiSource implements Source {

    private final String id;
    private final WorkUnits units;
    private volatile int pages = 5;
    private volatile long pageMillis = 30;
    private volatile boolean stepped;
    private final Semaphore steps = new Semaphore(0);
    private final AtomicLong ownNanos = new AtomicLong();
    private volatile long lastAdvanceNanos;

    public SimulatedApiSource(String id, WorkUnits units) {
        this.id = id;
        this.units = units;
    }

    public void configure(int pages, long pageMillis, boolean stepped) {
        this.pages = pages;
        this.pageMillis = pageMillis;
        this.stepped = stepped;
        steps.drainPermits();
        ownNanos.set(0);
    }

    public void step() {
        steps.release();
    }

    public long ownNanos() {
        return ownNanos.get();
    }

    public long lastAdvanceNanos() {
        return lastAdvanceNanos;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void run(SourceRun run) throws Exception {
        long start = System.nanoTime();
        try {
            for (SourceTask task : run.tasks()) {
                task.total(pages);
                for (int page = 0; page < pages; page++) {
                    if (stepped) {
                        while (!steps.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                            run.checkCancelled();
                        }
                    } else {
                        // the simulated API call
                        Thread.sleep(pageMillis);
                    }
                    run.checkCancelled();
                    units.store(List.of(new WorkUnitDraft(
                            task.member().id(),
                            id,
                            UnitKind.DISCUSSION,
                            "authored",
                            id + ":bench:" + task.member().id() + ":" + page,
                            Instant.parse("2026-11-20T10:00:00Z").plusSeconds(page),
                            "page " + page,
                            null,
                            null,
                            null,
                            null)));
                    task.advance(1, 1);
                    lastAdvanceNanos = System.nanoTime();
                }
            }
        } finally {
            ownNanos.set(System.nanoTime() - start);
        }
    }
}
