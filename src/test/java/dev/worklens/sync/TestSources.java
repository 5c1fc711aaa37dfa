package dev.worklens.sync;

import dev.worklens.activity.WorkUnits;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Scripted Slack and GitHub sources that win over real ones by precedence. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSources {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ScriptedSource scriptedSlack(WorkUnits units) {
        return new ScriptedSource("slack", units);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ScriptedSource scriptedGithub(WorkUnits units) {
        return new ScriptedSource("github", units);
    }
}
