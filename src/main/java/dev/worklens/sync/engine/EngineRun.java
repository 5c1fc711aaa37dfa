package dev.worklens.sync.engine;

import dev.worklens.sync.SourceRun;
import dev.worklens.sync.SourceTask;
import dev.worklens.sync.SyncRange;
import dev.worklens.team.Operator;
import java.util.List;

/** One source's share of a running job, as the source sees it. */
final class EngineRun implements SourceRun {

    private final RunningJob job;
    private final List<EngineTask> tasks;

    EngineRun(RunningJob job, List<EngineTask> tasks) {
        this.job = job;
        this.tasks = tasks;
    }

    @Override
    public long jobId() {
        return job.id();
    }

    @Override
    public Operator operator() {
        return job.operator();
    }

    @Override
    public SyncRange range() {
        return job.range();
    }

    @Override
    public String githubMode() {
        return job.githubMode();
    }

    @Override
    public List<SourceTask> tasks() {
        return List.copyOf(tasks);
    }

    @Override
    public void note(String text) {
        job.note(text);
    }

    @Override
    public boolean cancelRequested() {
        return job.stopRequested();
    }

    List<EngineTask> engineTasks() {
        return tasks;
    }
}
