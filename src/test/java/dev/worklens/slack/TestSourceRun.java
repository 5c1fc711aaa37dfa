package dev.worklens.slack;

import dev.worklens.sync.SourceRun;
import dev.worklens.sync.SourceTask;
import dev.worklens.sync.SyncRange;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The sync engine's side of a run, recorded in memory, so the Slack source is tested on its own. */
public class TestSourceRun implements SourceRun {

    private final Operator operator;
    private final SyncRange range;
    private final List<SourceTask> tasks = new ArrayList<>();
    public final AtomicBoolean cancel = new AtomicBoolean();
    /** What the source asked to put in the job's note. */
    public final List<String> notes = new ArrayList<>();
    /** When positive, the run asks to cancel after this many checks. */
    public final java.util.concurrent.atomic.AtomicInteger cancelAfterChecks =
            new java.util.concurrent.atomic.AtomicInteger();

    public TestSourceRun(Operator operator, SyncRange range, List<Member> members) {
        this.operator = operator;
        this.range = range;
        long id = 1;
        for (Member m : members) {
            tasks.add(new Task(id++, m));
        }
    }

    @Override
    public long jobId() {
        return 1;
    }

    @Override
    public Operator operator() {
        return operator;
    }

    @Override
    public SyncRange range() {
        return range;
    }

    @Override
    public String githubMode() {
        return "overview";
    }

    @Override
    public List<SourceTask> tasks() {
        return tasks;
    }

    @Override
    public void note(String text) {
        notes.add(text);
    }

    @Override
    public boolean cancelRequested() {
        if (cancelAfterChecks.get() > 0 && cancelAfterChecks.decrementAndGet() == 0) {
            cancel.set(true);
        }
        return cancel.get();
    }

    public Task task(Member member) {
        return (Task) tasks.stream()
                .filter(t -> t.member().id() == member.id())
                .findFirst()
                .orElseThrow();
    }

    public static final class Task implements SourceTask {
        private final long id;
        private final Member member;
        public int total = -1;
        public int done;
        public int items;
        public String failure;
        public String skipped;

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
        public void total(int total) {
            this.total = total;
        }

        @Override
        public void advance(int done, int items) {
            this.done += done;
            this.items += items;
        }

        @Override
        public void fail(String reason) {
            failure = reason;
        }

        @Override
        public void skip(String reason) {
            skipped = reason;
        }

        @Override
        public boolean finished() {
            return failure != null || skipped != null;
        }
    }
}
