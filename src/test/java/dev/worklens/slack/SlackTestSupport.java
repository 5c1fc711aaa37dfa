package dev.worklens.slack;

import dev.worklens.demo.FakeSlackApi;
import dev.worklens.system.retry.RetryClock;
import dev.worklens.system.retry.VirtualTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the Slack tests share: one fake Slack for the JVM, virtual time for the Slack client, and a
 * clock the tests move. Every Slack test class registers the same properties, so they share one
 * Spring context per database.
 */
public final class SlackTestSupport {

    public static final FakeSlackApi FAKE = FakeSlackApi.start();
    public static final VirtualTime TIME = new VirtualTime();
    public static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-20T12:00:00Z"));

    private SlackTestSupport() {}

    public static void properties(DynamicPropertyRegistry registry) {
        registry.add("SLACK_BASE_URL", FAKE::baseUrl);
        registry.add("SLACK_CLIENT_ID", () -> "111.222");
        registry.add("SLACK_CLIENT_SECRET", () -> "fake-client-secret");
        registry.add("APP_BASE_URL", () -> "https://worklens.test");
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Beans {
        @Bean
        @Primary
        RetryClock virtualRetryClock() {
            return TIME;
        }

        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    /** A clock the test sets; the app reads it through the Clock bean. */
    public static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
