package dev.worklens.system.config;

import dev.worklens.system.DemoRun;
import dev.worklens.system.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    static final String DEMO_SOURCE = "worklensDemoDatasource";

    private static Map<String, Object> demoDatasource(DatabaseUrl db) {
        Map<String, Object> values = new HashMap<>();
        values.put("spring.datasource.url", db.jdbcUrl());
        values.put("spring.datasource.username", db.username() == null ? "sa" : db.username());
        values.put("spring.datasource.password", db.password() == null ? "" : db.password());
        return values;
    }

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
        if ("https".equalsIgnoreCase(settings.app().baseUrl().getScheme())) {
            // behind a TLS-terminating load balancer: X-Forwarded-Proto makes the request secure, so
            // redirects stay on https, the session cookie is Secure and HSTS is sent
            derived.put("server.forward-headers-strategy", "framework");
            derived.put("server.servlet.session.cookie.secure", "true");
        }
        if (DemoRun.isCurrent(environment.getProperty(DemoRun.PROPERTY))) {
            // the demo's own database outranks SPRING_DATASOURCE_* of the environment it starts in
            environment.getPropertySources().addFirst(new MapPropertySource(DEMO_SOURCE, demoDatasource(db)));
        }
        // added last: explicit spring.* properties (tests, command line) still win
        environment.getPropertySources().addLast(new MapPropertySource(DERIVED_SOURCE, derived));
        List<String> problems = effectiveProblems(environment, settings);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /**
     * Checks what is in force after every property source, not only the settings Worklens reads:
     * {@code SERVER_ADDRESS} or {@code SPRING_DATASOURCE_URL} outrank BIND_ADDRESS and DATABASE_URL.
     */
    static List<String> effectiveProblems(ConfigurableEnvironment environment, Settings settings) {
        List<String> problems = new ArrayList<>();
        String bound = environment.getProperty("server.address");
        if (settings.app().authMode() == Settings.AuthMode.LOCAL && !SettingsReader.isLoopback(bound)) {
            problems.add("AUTH_MODE=local signs anyone in, so the server must listen on a loopback address, but"
                    + " server.address (from SERVER_ADDRESS or another source) is " + bound);
        }
        String datasource = environment.getProperty("spring.datasource.url");
        if (settings.app().env().isProduction() && (datasource == null || !datasource.startsWith("jdbc:postgresql:"))) {
            problems.add("production must use PostgreSQL, but the effective datasource (spring.datasource.url, from"
                    + " SPRING_DATASOURCE_URL or another source) is not a jdbc:postgresql: URL");
        }
        String demo = environment.getProperty(DemoRun.PROPERTY);
        if (demo != null && !DemoRun.isCurrent(demo)) {
            problems.add("WORKLENS_DEMO is set by 'java -jar worklens.jar demo' only; remove it from this start");
        }
        if (DemoRun.isCurrent(demo) && settings.app().env().isProduction()) {
            problems.add("the demo does not run with APP_ENV=production");
        }
        return problems;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
