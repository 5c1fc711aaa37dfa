package dev.worklens.sync.engine;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Finds jobs a dead process left running (no heartbeat for {@code dead-after}) and marks them
 * interrupted; re-queues queued jobs whose db-scheduler execution went missing. Runs at start-up
 * and then every heartbeat interval.
 */
@Component
public class InterruptedJobs {

    private static final Logger log = LoggerFactory.getLogger(InterruptedJobs.class);

    private final SyncJobs jobs;
    private final JobQueue queue;
    private final Clock clock;
    private final SyncProperties properties;

    InterruptedJobs(SyncJobs jobs, JobQueue queue, Clock clock, SyncProperties properties) {
        this.jobs = jobs;
        this.queue = queue;
        this.clock = clock;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        sweep();
    }

    public List<Long> sweep() {
        List<Long> interrupted = jobs.interruptStale(clock.instant().minus(properties.deadAfter()));
        if (!interrupted.isEmpty()) {
            log.warn("Sync jobs {} were left running by a stopped server and are marked interrupted", interrupted);
        }
        for (long id : jobs.queuedBefore(clock.instant().minus(properties.deadAfter()))) {
            queue.enqueue(id);
        }
        return interrupted;
    }
}
