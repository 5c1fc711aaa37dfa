package dev.worklens.sync.engine;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The db-scheduler tasks of the engine; every instance registers them, one instance runs each execution. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SyncProperties.class)
class SyncEngineConfiguration {

    @Bean
    OneTimeTask<Void> syncJobTask(JobRunner runner) {
        return JobQueue.task(runner);
    }

    @Bean
    RecurringTask<Void> syncSweeperTask(InterruptedJobs sweeper, SyncProperties properties) {
        return Tasks.recurring("sync-sweeper", FixedDelay.of(properties.heartbeatInterval()))
                .execute((instance, context) -> sweeper.sweep());
    }
}
