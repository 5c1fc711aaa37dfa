package dev.worklens.sync.engine;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hands jobs to db-scheduler: one execution per job in {@code scheduled_tasks}, picked by exactly
 * one instance. Without a scheduler (the {@code sync-due} command) the caller runs jobs itself.
 */
@Component
public class JobQueue {

    static final String TASK_NAME = "sync-job";

    private final ObjectProvider<Scheduler> scheduler;
    private final Clock clock;

    JobQueue(ObjectProvider<Scheduler> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    static OneTimeTask<Void> task(JobRunner runner) {
        // a revived dead execution finds its job no longer queued and does nothing: the
        // sweeper marks such jobs interrupted once their runner stops heartbeating
        return Tasks.oneTime(TASK_NAME)
                .onDeadExecutionRevive()
                .execute((instance, context) -> runner.run(Long.parseLong(instance.getId())));
    }

    /** True when a scheduler took the job; false when this process must run it. */
    public boolean enqueue(long jobId) {
        Scheduler s = scheduler.getIfAvailable();
        if (s == null) {
            return false;
        }
        s.scheduleIfNotExists(new TaskInstance<Void>(TASK_NAME, String.valueOf(jobId)), clock.instant());
        return true;
    }
}
