package dev.worklens.system.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.system.DemoRun;
import dev.worklens.system.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

@DisplayName("What is in force after every property source")
class EffectiveSettingsTest {

    static StandardEnvironment environment(Map<String, Object> values) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        return environment;
    }

    static Settings settings(StandardEnvironment environment) {
        return SettingsReader.read(environment::getProperty);
    }

    @Test
    @DisplayName("local sign-in refuses a server.address that is not loopback, whatever BIND_ADDRESS says")
    void boundAddress() {
        var env = environment(new HashMap<>(Map.of("BIND_ADDRESS", "127.0.0.1", "server.address", "0.0.0.0")));
        assertThat(WorklensEnvironmentPostProcessor.effectiveProblems(env, settings(env)))
                .anyMatch(p -> p.contains("server.address") && p.contains("0.0.0.0"));
        var fine = environment(new HashMap<>(Map.of("server.address", "127.0.0.1")));
        assertThat(WorklensEnvironmentPostProcessor.effectiveProblems(fine, settings(fine)))
                .isEmpty();
    }

    @Test
    @DisplayName("production refuses an effective datasource that is not PostgreSQL, whatever DATABASE_URL says")
    void effectiveDatasource() {
        Map<String, Object> values = production();
        values.put("spring.datasource.url", "jdbc:h2:mem:sneaky");
        var env = environment(values);
        assertThat(WorklensEnvironmentPostProcessor.effectiveProblems(env, settings(env)))
                .anyMatch(p -> p.contains("effective datasource"));
        values.put("spring.datasource.url", "jdbc:postgresql://db:5432/w");
        assertThat(WorklensEnvironmentPostProcessor.effectiveProblems(env, settings(env)))
                .isEmpty();
    }

    static Map<String, Object> production() {
        Map<String, Object> values = new HashMap<>();
        values.put("APP_ENV", "production");
        values.put("APP_SECRET_KEY", "a".repeat(32));
        values.put("INTERNAL_API_KEY", "k".repeat(16));
        values.put("DATABASE_URL", "postgresql://u:p@db:5432/w");
        values.put("APP_BASE_URL", "https://w.example.com");
        values.put("SLACK_CLIENT_ID", "1.2");
        values.put("SLACK_CLIENT_SECRET", "s");
        values.put("WORKLENS_OPERATORS", "*");
        return values;
    }

    @Test
    @DisplayName("WORKLENS_DEMO cannot switch the demo on in a normal start")
    void demoFlag() {
        var env = environment(new HashMap<>(Map.of("worklens.demo", "true", "server.address", "127.0.0.1")));
        assertThat(WorklensEnvironmentPostProcessor.effectiveProblems(env, settings(env)))
                .anyMatch(p -> p.startsWith("WORKLENS_DEMO is set by 'java -jar worklens.jar demo' only"));
        var demo = environment(new HashMap<>(Map.of("worklens.demo", DemoRun.begin(), "server.address", "127.0.0.1")));
        assertThat(WorklensEnvironmentPostProcessor.effectiveProblems(demo, settings(demo)))
                .isEmpty();
        Map<String, Object> values = production();
        values.put("spring.datasource.url", "jdbc:postgresql://db:5432/w");
        values.put("worklens.demo", DemoRun.begin());
        var production = environment(values);
        assertThat(WorklensEnvironmentPostProcessor.effectiveProblems(production, settings(production)))
                .containsExactly("the demo does not run with APP_ENV=production");
    }
}
