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
 * Stores re-extracted pages of units on two threads of their own, so the next pages' messages are
 * read, parsed and converted while the database writes earlier ones, and two database sessions
 * write at once: inserting units and their index entries is most of a first re-extraction, and one
 * session keeps one core busy. Pages hold disjoint units (one channel's run of messages), so their
 * order does not matter; each is its own transaction ({@link WorkUnits#storeQuietly}). At most
 * {@link #AHEAD} pages wait, which bounds the memory. The first failure stops the run.
 */
final class PageWriter implements AutoCloseable {

    private static final int AHEAD = 2;
    private static final int THREADS = 2;

    private final WorkUnits workUnits;
    private final ExecutorService thread = Executors.newFixedThreadPool(THREADS, task -> {
        Thread t = new Thread(task, "worklens-reextract-writer");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore room = new Semaphore(AHEAD + THREADS);
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
            } catch (Error e) {
                // the page is lost: the run must not report success
                failure.compareAndSet(null, new IllegalStateException("Storing re-extracted units failed", e));
                throw e;
            } finally {
                room.release();
            }
        });
    }

    /** Waits until every queued page is stored; rethrows the first failure. */
    void finish() {
        room.acquireUninterruptibly(AHEAD + THREADS);
        room.release(AHEAD + THREADS);
        rethrow();
    }

    /** Time spent storing pages, summed over the writers' threads. */
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
