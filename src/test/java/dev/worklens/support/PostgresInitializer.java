package dev.worklens.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test's application at a fresh database on the shared real PostgreSQL server. */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                        "spring.datasource.url=" + PostgresServer.newDatabaseUrl(),
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=postgres")
                .applyTo(context.getEnvironment());
    }
}
