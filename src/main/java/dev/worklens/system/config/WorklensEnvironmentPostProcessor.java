package dev.worklens.system.config;

import dev.worklens.system.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Loads the {@code .env} file below the real environment, checks every setting before anything
 * starts, and turns the settings Worklens documents into the Spring properties that need them.
 */
class WorklensEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DOT_ENV_SOURCE = "worklensDotEnv";
    static final String DERIVED_SOURCE = "worklensDerived";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String file = environment.getProperty("WORKLENS_ENV_FILE", ".env");
        Map<String, Object> dotEnv = DotEnvFile.read(Path.of(file));
        if (!dotEnv.isEmpty()) {
            var source = new MapPropertySource(DOT_ENV_SOURCE, dotEnv);
            if (environment
                    .getPropertySources()
                    .contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
                environment
                        .getPropertySources()
                        .addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
            } else {
                environment.getPropertySources().addLast(source);
            }
        }
        Settings settings = SettingsReader.read(environment::getProperty);
        DatabaseUrl db = DatabaseUrl.parse(settings.app().databaseUrl());

        Map<String, Object> derived = new HashMap<>();
        derived.put("spring.datasource.url", db.jdbcUrl());
        if (db.username() != null) {
            derived.put("spring.datasource.username", db.username());
        }
        if (db.password() != null) {
            derived.put("spring.datasource.password", db.password());
        }
        derived.put(
                "server.port",
                environment.getProperty(
                        "server.port", String.valueOf(settings.app().port())));
        derived.put("server.address", settings.app().bindAddress());
        if (settings.app().tlsCertFile() != null) {
            derived.put("server.ssl.certificate", "file:" + settings.app().tlsCertFile());
            derived.put(
                    "server.ssl.certificate-private-key",
                    "file:" + settings.app().tlsKeyFile());
        }
        if (settings.app().env().isProduction()) {
            derived.put("server.error.include-message", "never");
            derived.put("server.error.include-stacktrace", "never");
        }
        // added last: explicit spring.* properties (tests, command line) still win
        environment.getPropertySources().addLast(new MapPropertySource(DERIVED_SOURCE, derived));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
