package dev.worklens.sync.schedule;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.worklens.sync.engine.SyncProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The running app checks for due schedules itself; db-scheduler runs each check on one instance. */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

    @Bean
    RecurringTask<Void> syncSchedulesDueTask(ScheduleDispatcher dispatcher, SyncProperties properties) {
        return Tasks.recurring("sync-schedules-due", FixedDelay.of(properties.scheduleCheckInterval()))
                .execute((instance, context) -> dispatcher.dispatchDue());
    }
}
