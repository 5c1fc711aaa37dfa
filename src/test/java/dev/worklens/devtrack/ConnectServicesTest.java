package dev.worklens.devtrack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** PRODUCT.md §7: the Connect page shows Google Sheets and Notion next to Slack and GitHub, with the fix. */
@WorklensTest
@Import(FakeServicesServer.NoWaiting.class)
@DisplayName("Google Sheets and Notion on the Connect page")
class ConnectServicesTest {

    static final WireMockServer FAKE = FakeServicesServer.started();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        FakeServicesServer.register(registry, FAKE);
        registry.add("NOTION_DEV_TRACK_VIEW_ID", () -> "view1");
    }

    @AfterAll
    static void stop() {
        FAKE.stop();
    }

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void reset() {
        FAKE.resetAll();
        FakeGoogle.stubToken(FAKE);
    }

    String connect() throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/connect"))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    static void sheetsAnswers(int status) {
        FAKE.stubFor(post(urlPathEqualTo("/v4/spreadsheets/" + FakeGoogle.SHEET_ID + ":batchUpdate"))
                .willReturn(
                        status == 200
                                ? okJson("{\"spreadsheetId\":\"" + FakeGoogle.SHEET_ID + "\",\"replies\":[]}")
                                : aResponse()
                                        .withStatus(status)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"error\":{\"code\":403,\"message\":\"The caller does not have"
                                                + " permission\",\"status\":\"PERMISSION_DENIED\"}}")));
    }

    static void notion(String path, int status, String body) {
        FAKE.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    static String notionError(int status, String code, String message) {
        return "{\"object\":\"error\",\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\"" + message
                + "\"}";
    }

    @Test
    @DisplayName(
            "Sheets: not shared (403), shared as Viewer only, then as Editor — each in words, with the service account")
    void sheets() throws Exception {
        FakeGoogle.stubSpreadsheetDenied(FAKE);
        assertThat(connect())
                .contains("Google Sheets (Dev track)")
                .contains("Permission denied to read the dev-track Sheet: share it with the service account "
                        + FakeGoogle.CLIENT_EMAIL)
                .contains("Open the Sheet to share it");

        FakeGoogle.stubSpreadsheet(FAKE);
        sheetsAnswers(403);
        assertThat(connect())
                .contains("The Sheet can be read but not changed: share it with " + FakeGoogle.CLIENT_EMAIL
                        + " as Editor");

        sheetsAnswers(200);
        assertThat(connect())
                .contains("The key works and the Sheet is shared with the service account as Editor.")
                .contains("Service account: " + FakeGoogle.CLIENT_EMAIL);
    }

    @Test
    @DisplayName("Notion: invalid token (401), database not shared (404), view missing (404), then all reachable")
    void notion() throws Exception {
        notion("/v1/users/me", 401, notionError(401, "unauthorized", "API token is invalid."));
        assertThat(connect())
                .contains("Notion refused the token (401 unauthorized)")
                .contains("Open Notion integrations");

        notion("/v1/users/me", 200, "{\"object\":\"user\",\"id\":\"bot1\",\"type\":\"bot\",\"name\":\"Worklens\"}");
        notion("/v1/databases/db1", 404, notionError(404, "object_not_found", "Could not find database with ID: db1."));
        assertThat(connect()).contains("The dev-track database db1 is not reachable (404 object_not_found)");

        notion(
                "/v1/databases/db1",
                200,
                "{\"object\":\"database\",\"id\":\"db1\",\"title\":[{\"plain_text\":\"Dev track\"}]}");
        notion("/v1/views/view1", 404, notionError(404, "object_not_found", "Could not find view with ID: view1."));
        assertThat(connect()).contains("The view view1 is not reachable (404 object_not_found)");

        notion("/v1/views/view1", 200, "{\"object\":\"view\",\"id\":\"view1\"}");
        assertThat(connect())
                .contains("The token works and the dev-track database is reachable.")
                .contains("Integration: Worklens.")
                .contains("Database: Dev track.");
    }
}
