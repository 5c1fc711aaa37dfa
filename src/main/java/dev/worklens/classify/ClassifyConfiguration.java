package dev.worklens.classify;

import dev.worklens.classify.claude.ClaudeMessages;
import dev.worklens.system.Settings;
import dev.worklens.system.retry.RetryClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClassifyConfiguration {

    @Bean
    ClaudeMessages claudeMessages(Settings settings, RetryClock retryClock, StoredClaudeLedger ledger) {
        return new ClaudeMessages(settings.anthropic(), retryClock, ledger);
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
