package dev.worklens.github;

import dev.worklens.sync.SourceRun;
import dev.worklens.sync.SourceTask;
import dev.worklens.sync.SyncRange;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The sync engine's side of a run, kept in memory so GitHub's source is tested on its own. */
public class TestRun implements SourceRun {

    static final Operator OPERATOR =
            new Operator(1, "U0MANAGER", "Mia", "T1", "Acme", null, false, true, Instant.parse("2026-01-01T00:00:00Z"));

    final SyncRange range;
    final String mode;
    public final List<Task> tasks = new ArrayList<>();
    final AtomicBoolean cancel = new AtomicBoolean();

    public TestRun(SyncRange range, String mode, Member... members) {
        this.range = range;
        this.mode = mode;
        long id = 1;
        for (Member m : members) {
            tasks.add(new Task(id++, m));
        }
    }

    public Task task(Member member) {
        return tasks.stream()
                .filter(t -> t.member.id() == member.id())
                .findFirst()
                .orElseThrow();
    }

    @Override
    public long jobId() {
        return 42;
    }

    @Override
    public Operator operator() {
        return OPERATOR;
    }

    @Override
    public SyncRange range() {
        return range;
    }

    @Override
    public String githubMode() {
        return mode;
    }

    @Override
    public List<SourceTask> tasks() {
        return List.copyOf(tasks);
    }

    @Override
    public boolean cancelRequested() {
        return cancel.get();
    }

    public static final class Task implements SourceTask {
        final long id;
        public final Member member;
        public int total;
        public int done;
        public int items;
        public String state = "running";
        public String reason;

        Task(long id, Member member) {
            this.id = id;
            this.member = member;
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
            this.total = total;
        }

        @Override
        public synchronized void advance(int done, int items) {
            this.done += done;
            this.items += items;
        }

        @Override
        public synchronized void fail(String reason) {
            state = "failed";
            this.reason = reason;
        }

        @Override
        public synchronized void skip(String reason) {
            state = "skipped";
            this.reason = reason;
        }

        @Override
        public boolean finished() {
            return !state.equals("running");
        }

        @Override
        public String toString() {
            return state + " " + done + "/" + total + " items=" + items + (reason == null ? "" : " (" + reason + ")");
        }
    }
}
