package dev.worklens.sync.engine;

import dev.worklens.sync.SyncState;
import dev.worklens.system.HeadlessCommand;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.NamedInterface;

/**
 * {@code java -jar worklens.jar sync-due}: starts the schedules that are due, runs their jobs in
 * this process until they end, and exits — for an external cron such as a CI schedule. No web
 * server and no db-scheduler poller start, so this process takes no other instance's work.
 * Exit 0 when nothing was due or every started sync succeeded, 1 when a schedule could not start
 * or a sync did not succeed, 2 when the application could not start (settings, database).
 *
 * <p>It lives in the engine and finds what is due through {@link DueSyncs}, so the engine names no
 * schedule type and the sync packages have no cycle. The application's {@code main} starts it,
 * hence the named interface.
 */
@NamedInterface("sync-due")
public final class SyncDueCommand {

    public static final String NAME = "sync-due";

    private SyncDueCommand() {}

    public static int run(SpringApplicationBuilder app, PrintStream out, PrintStream err, String... args) {
        return HeadlessCommand.run(NAME, app, out, err, args, new String[0], SyncDueCommand::dispatch);
    }

    private static int dispatch(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        DueSyncs.Dispatched dispatched = context.getBean(DueSyncs.class).dispatchDue();
        dispatched.errors().forEach(e -> err.println("sync-due: " + e));
        if (dispatched.started().isEmpty()) {
            if (dispatched.errors().isEmpty()) {
                out.println("nothing due");
                return 0;
            }
            return 1;
        }
        JobRunner runner = context.getBean(JobRunner.class);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (long id : dispatched.started()) {
            running.add(CompletableFuture.runAsync(() -> runner.run(id)));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        SyncJobs jobs = context.getBean(SyncJobs.class);
        boolean allSucceeded = true;
        for (long id : dispatched.started()) {
            JobView job = jobs.job(id).orElseThrow();
            allSucceeded &= job.state() == SyncState.SUCCEEDED;
            out.println("sync " + job.id() + ": " + job.state().code()
                    + (job.note() == null ? "" : " (" + job.note() + ")"));
        }
        return allSucceeded && dispatched.errors().isEmpty() ? 0 : 1;
    }
}
