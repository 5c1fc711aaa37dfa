package dev.worklens.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklens.sync.engine.JobView;
import dev.worklens.sync.engine.States;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The job runner stops mid-job (the whole application is closed while a source is between
 * pages); a new application on the same database finds the job interrupted, and a re-run
 * completes without duplicating what the first run stored.
 */
abstract class RestartContract {

    abstract String url();

    abstract String user();

    abstract String password();

    @Test
    @DisplayName("a job stopped mid-way is marked interrupted after restart, and a re-run completes without duplicates")
    void restartMidJob() {
        long job;
        ConfigurableApplicationContext first = Instances.start(url(), user(), password());
        try {
            Instances.team(first, 2);
            Instances.slack(first).reset(ScriptedSource.Mode.GATED, 3);
            job = Instances.start(first, "all", "slack");
            Instances.slack(first).release(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> Instances.workUnits(first) == 3);
        } finally {
            first.close();
        }

        ConfigurableApplicationContext second = Instances.start(url(), user(), password());
        try {
            JobView stopped = Instances.jobs(second).job(job).orElseThrow();
            assertThat(stopped.state()).isEqualTo(States.FAILED);
            assertThat(stopped.note()).isEqualTo(States.INTERRUPTED);
            assertThat(stopped.tasks()).hasSize(3).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(States.FAILED);
                assertThat(t.error())
                        .isEqualTo("interrupted: the server stopped; run the sync again to continue from where it"
                                + " stopped");
            });
            assertThat(Instances.workUnits(second)).isEqualTo(3);

            Instances.slack(second).reset(ScriptedSource.Mode.FAST, 3);
            long rerun = Instances.start(second, "all", "slack");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Instances.state(second, rerun).equals(States.SUCCEEDED));
            assertThat(Instances.workUnits(second)).isEqualTo(3 * 3);
            List<JobView.TaskView> tasks =
                    Instances.jobs(second).job(rerun).orElseThrow().tasks();
            assertThat(tasks).allSatisfy(t -> assertThat(t.items()).isEqualTo(3));
        } finally {
            second.close();
        }
    }
}
