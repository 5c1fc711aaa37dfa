package dev.worklens.classify;

import dev.worklens.classify.claude.ClaudeMessages;
import dev.worklens.classify.claude.Sleeper;
import dev.worklens.system.Settings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClassifyConfiguration {

    @Bean
    Sleeper claudeRetrySleeper() {
        return Sleeper.system();
    }

    @Bean
    ClaudeMessages claudeMessages(Settings settings, Sleeper sleeper, Clock clock, StoredClaudeLedger ledger) {
        return new ClaudeMessages(settings.anthropic(), sleeper, clock, ledger);
    }

    @Bean
    ClaudeClassifier claudeClassifier(ClaudeMessages claude) {
        return new ClaudeClassifier(claude);
    }

    @Bean
    OfflineClassifier offlineClassifier() {
        return new OfflineClassifier();
    }
}
