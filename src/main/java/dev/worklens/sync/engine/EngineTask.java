package dev.worklens.sync.engine;

import dev.worklens.sync.SourceTask;
import dev.worklens.sync.SyncState;
import dev.worklens.team.Member;

/**
 * A task's progress kept in memory and written in two ways: counters at most once per progress
 * interval (the first advance after a quiet spell at once, later ones by the job's ticker),
 * endings at once. Writes hold the task's lock, so a late counter flush never lands after the
 * ending with older numbers.
 */
final class EngineTask implements SourceTask {

    private final long id;
    private final Member member;
    private final SyncJobs jobs;
    private final long intervalNanos;
    private long lastWriteNanos;
    private int done;
    private int total;
    private int items;
    private boolean dirty;
    private SyncState state = SyncState.RUNNING;

    EngineTask(long id, Member member, SyncJobs jobs, java.time.Duration interval) {
        this.id = id;
        this.member = member;
        this.jobs = jobs;
        this.intervalNanos = interval.toNanos();
        this.lastWriteNanos = System.nanoTime() - intervalNanos;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public Member member() {
        return member;
    }

    @Override
    public synchronized void total(int total) {
        if (open()) {
            this.total = Math.max(0, total);
            dirty = true;
        }
    }

    @Override
    public synchronized void advance(int done, int items) {
        if (open()) {
            this.done += Math.max(0, done);
            this.items += Math.max(0, items);
            if (total > 0 && this.done > total) {
                total = this.done;
            }
            dirty = true;
            if (System.nanoTime() - lastWriteNanos >= intervalNanos) {
                flush();
            }
        }
    }

    @Override
    public void fail(String reason) {
        end(SyncState.FAILED, reason == null || reason.isBlank() ? "failed without a reason" : reason);
    }

    @Override
    public void skip(String reason) {
        end(SyncState.SKIPPED, reason);
    }

    @Override
    public synchronized boolean finished() {
        return !open();
    }

    synchronized SyncState state() {
        return state;
    }

    private boolean open() {
        return state == SyncState.RUNNING;
    }

    /** Ends the task unless it already ended; the first ending wins. */
    synchronized void end(SyncState state, String error) {
        if (!open()) {
            return;
        }
        this.state = state;
        dirty = false;
        jobs.finishTask(id, state, error, done, total, items);
    }

    synchronized void flush() {
        if (dirty && open()) {
            dirty = false;
            lastWriteNanos = System.nanoTime();
            jobs.progress(id, done, total, items);
        }
    }
}
