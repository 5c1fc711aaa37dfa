package dev.worklens.system.config;

import dev.worklens.system.Settings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {

    @Bean
    Settings settings(Environment environment) {
        return SettingsReader.read(environment::getProperty);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
