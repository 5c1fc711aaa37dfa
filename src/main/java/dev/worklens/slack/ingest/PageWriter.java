package dev.worklens.slack.ingest;

import dev.worklens.activity.WorkUnitDraft;
import dev.worklens.activity.WorkUnits;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stores re-extracted pages of units on a thread of its own, so the next page's messages are read,
 * parsed and converted while the database writes this one: on two cores the two halves overlap
 * instead of adding up. At most {@link #AHEAD} pages wait, which bounds the memory; each page is
 * still its own transaction ({@link WorkUnits#storeQuietly}). The first failure stops the run.
 */
final class PageWriter implements AutoCloseable {

    private static final int AHEAD = 2;

    private final WorkUnits workUnits;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "worklens-reextract-writer");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore room = new Semaphore(AHEAD + 1);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong writeNanos = new AtomicLong();

    PageWriter(WorkUnits workUnits) {
        this.workUnits = workUnits;
    }

    /** Queues a page; waits while {@link #AHEAD} pages are waiting already. */
    void store(List<WorkUnitDraft> drafts) {
        rethrow();
        if (drafts.isEmpty()) {
            return;
        }
        room.acquireUninterruptibly();
        thread.execute(() -> {
            try {
                if (failure.get() == null) {
                    long started = System.nanoTime();
                    workUnits.storeQuietly(drafts);
                    writeNanos.addAndGet(System.nanoTime() - started);
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                room.release();
            }
        });
    }

    /** Waits until every queued page is stored; rethrows the first failure. */
    void finish() {
        room.acquireUninterruptibly(AHEAD + 1);
        room.release(AHEAD + 1);
        rethrow();
    }

    /** Time spent storing pages, on the writer's thread. */
    long writeNanos() {
        return writeNanos.get();
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
