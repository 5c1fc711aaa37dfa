package dev.worklens.github.ingest;

import dev.worklens.sync.SourceTask;

/**
 * A task's progress in calls: the expected total grows as first pages reveal how many pages
 * follow (and when a window is split), and each finished call advances it with the rows it stored.
 */
public class TaskProgress {

    private final SourceTask task;
    private int expected;

    public TaskProgress(SourceTask task, int initiallyExpected) {
        this.task = task;
        this.expected = initiallyExpected;
        task.total(expected);
    }

    void expectMore(int calls) {
        if (calls > 0) {
            expected += calls;
            task.total(expected);
        }
    }

    void done(int items) {
        task.advance(1, items);
    }
}
