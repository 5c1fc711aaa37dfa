package dev.worklens.sync.engine;

import dev.worklens.system.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Starts a job: stores it, then hands it to the queue. */
@Component
public class SyncStarter {

    private final SyncJobs jobs;
    private final SyncSources sources;
    private final JobQueue queue;

    SyncStarter(SyncJobs jobs, SyncSources sources, JobQueue queue) {
        this.jobs = jobs;
        this.sources = sources;
        this.queue = queue;
    }

    /** The new job's id; 409 when one of its (member, source) pairs is already syncing. */
    public long start(JobRequest request) {
        long id = create(request);
        queue.enqueue(id);
        return id;
    }

    /** Stores the job without queueing it, for a caller that runs it itself. */
    public long create(JobRequest request) {
        try {
            return jobs.create(request, sources::installed);
        } catch (SyncJobs.AlreadyRunning e) {
            String job = jobs.runningJob(e.member().id(), e.source())
                    .map(id -> " (job " + id + ")")
                    .orElse("");
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "sync_running",
                    "A " + e.source() + " sync of " + e.member().displayName() + " is already running" + job
                            + "; wait for it to finish or cancel it, then start again.");
        }
    }
}
