package dev.worklens.system.retry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RetryConfiguration {

    /**
     * The one clock of every client's waits. Tests declare a {@code @Primary} virtual one; a test
     * that needs one API's waits apart from another's registers beans named after the injection
     * points ({@code slackRetryClock}, {@code gitHubRetryClock}), which Spring prefers by name.
     */
    @Bean
    RetryClock retryClock() {
        return RetryClock.system();
    }
}
