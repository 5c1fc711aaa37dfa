package dev.worklens.devtrack;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.worklens.system.retry.RetryClock;
import dev.worklens.system.retry.VirtualTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One WireMock server playing Notion and Google for a Spring test class, and the settings that
 * point Worklens at it. Retry waits pass in virtual time ({@link NoWaiting}), so a 429 from the
 * fakes costs the suite nothing.
 */
final class FakeServicesServer {

    private FakeServicesServer() {}

    /** A started server on a free port; the test class stops it after its tests. */
    static WireMockServer started() {
        var server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }

    /** Google Sheets (service-account credentials, sheet id, API root) and Notion (key, database, API root). */
    static void register(DynamicPropertyRegistry registry, WireMockServer fake) {
        registry.add("GOOGLE_SHEETS_CREDENTIALS_JSON", () -> FakeGoogle.credentialsJson(fake));
        registry.add("DEV_TRACK_SHEET_ID", () -> FakeGoogle.SHEET_ID);
        registry.add("GOOGLE_SHEETS_API_URL", () -> fake.baseUrl() + "/");
        registry.add("NOTION_API_KEY", () -> "secret_test");
        registry.add("NOTION_DEV_TRACK_DATABASE_ID", () -> "db1");
        registry.add("NOTION_API_URL", fake::baseUrl);
    }

    @TestConfiguration
    static class NoWaiting {
        @Bean
        @Primary
        RetryClock virtualRetryClock() {
            return new VirtualTime();
        }
    }
}
