package dev.worklens.devtrack.sheet;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.UpdateCellsRequest;
import dev.worklens.devtrack.FakeGoogle;
import dev.worklens.devtrack.MutableClock;
import dev.worklens.system.config.SettingsReader;
import dev.worklens.system.retry.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sheets gateway: Google's real client against a local fake")
class SheetsGatewayTest {

    WireMockServer google = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
    VirtualTime time = new VirtualTime(Instant.parse("2026-11-20T12:00:00Z"));

    static final FakeGoogle.Tab DON = new FakeGoogle.Tab(
            11,
            "Don Vo",
            List.of(
                    List.of("Level", "Title", "Technical", "Soft"),
                    List.of("1", "Junior", "Unit testing|b6d7a8", "Communication|9fc5e8|Talks in standup"),
                    List.of("", "", "Code review|legacy:ffe599"),
                    List.of("2", "Mid", "Observability|fff2cc", "Mentoring"),
                    List.of("", "", "Design docs|b4a7d6")));

    @BeforeEach
    void start() {
        google.start();
        FakeGoogle.stubToken(google);
    }

    @AfterEach
    void stop() {
        google.stop();
    }

    SheetsGateway gateway(String credentials) {
        Map<String, String> env = new HashMap<>();
        env.put("GOOGLE_SHEETS_CREDENTIALS_JSON", credentials);
        env.put("DEV_TRACK_SHEET_ID", FakeGoogle.SHEET_ID);
        env.put("GOOGLE_SHEETS_API_URL", google.baseUrl() + "/");
        env.put("APP_SECRET_KEY", "test-secret-key-that-is-long-enough-0123456789");
        return new SheetsGateway(SettingsReader.read(env::get), clock, time);
    }

    @Test
    @DisplayName(
            "exchanges the service-account JWT for a token, then one spreadsheets.get with grid data and a field mask")
    void reads() {
        FakeGoogle.stubSpreadsheet(google, DON);
        SheetBook book = gateway(FakeGoogle.credentialsJson(google)).book();

        google.verify(postRequestedFor(urlPathEqualTo("/token"))
                .withRequestBody(containing("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")));
        google.verify(
                1,
                getRequestedFor(urlPathEqualTo("/v4/spreadsheets/" + FakeGoogle.SHEET_ID))
                        .withQueryParam("includeGridData", equalTo("true"))
                        .withQueryParam("fields", equalTo(SheetsGateway.FIELDS))
                        .withHeader("Authorization", equalTo("Bearer " + FakeGoogle.TOKEN)));

        TrackTab tab = book.tab("Don Vo").orElseThrow();
        assertThat(tab.sheetId()).isEqualTo(11);
        assertThat(tab.levels())
                .containsExactly(new TrackTab.Level(1, "Junior", 1, 2), new TrackTab.Level(2, "Mid", 3, 4));
        assertThat(tab.skills())
                .extracting(
                        TrackTab.SheetSkill::name,
                        TrackTab.SheetSkill::level,
                        TrackTab.SheetSkill::column,
                        TrackTab.SheetSkill::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Unit testing", 1, "technical", SkillStatus.VETTED),
                        org.assertj.core.groups.Tuple.tuple("Communication", 1, "soft", SkillStatus.IN_PROGRESS),
                        org.assertj.core.groups.Tuple.tuple("Code review", 1, "technical", SkillStatus.FOCUS),
                        org.assertj.core.groups.Tuple.tuple("Observability", 2, "technical", SkillStatus.FOCUS),
                        org.assertj.core.groups.Tuple.tuple("Mentoring", 2, "soft", SkillStatus.NOT_STARTED),
                        org.assertj.core.groups.Tuple.tuple("Design docs", 2, "technical", SkillStatus.PROPOSED));
        assertThat(tab.skill(1, "soft", " communication. ").orElseThrow().note())
                .isEqualTo("Talks in standup");
    }

    @Test
    @DisplayName("serves a cached copy for a minute, then reads again")
    void caches() {
        FakeGoogle.stubSpreadsheet(google, DON);
        var gateway = gateway(FakeGoogle.credentialsJson(google));
        String first = gateway.book().tabs().get(0).fingerprint();
        gateway.book();
        google.verify(1, getRequestedFor(urlPathEqualTo("/v4/spreadsheets/" + FakeGoogle.SHEET_ID)));
        clock.advance(Duration.ofSeconds(61));
        FakeGoogle.stubSpreadsheet(
                google, new FakeGoogle.Tab(11, "Don Vo", List.of(List.of("1", "Junior", "Unit testing|9fc5e8"))));
        assertThat(gateway.book().tabs().get(0).fingerprint()).isNotEqualTo(first);
        google.verify(2, getRequestedFor(urlPathEqualTo("/v4/spreadsheets/" + FakeGoogle.SHEET_ID)));
    }

    @Test
    @DisplayName("accepts a key whose newlines arrive as a literal backslash-n")
    void escapedNewlines() {
        FakeGoogle.stubSpreadsheet(google, DON);
        String doubled = FakeGoogle.credentialsJson(google).replace("\\n", "\\\\n");
        assertThat(gateway(doubled).book().titles()).containsExactly("Don Vo");
    }

    @Test
    @DisplayName("403 says to share the Sheet with the service account, by its email")
    void permissionDenied() {
        FakeGoogle.stubSpreadsheetDenied(google);
        assertThatThrownBy(() -> gateway(FakeGoogle.credentialsJson(google)).book())
                .isInstanceOf(DevTrackException.class)
                .hasMessageContaining("Permission denied")
                .hasMessageContaining("share it with the service account " + FakeGoogle.CLIENT_EMAIL);
    }

    @Test
    @DisplayName("credentials that are not JSON, or not a service-account key, are named as such")
    void badCredentials() {
        assertThatThrownBy(() -> gateway("{not json").book())
                .isInstanceOf(DevTrackException.class)
                .hasMessageContaining("GOOGLE_SHEETS_CREDENTIALS_JSON is not valid JSON");
        assertThatThrownBy(() -> gateway("[1,2]").book()).hasMessageContaining("not valid JSON for a key");
        assertThatThrownBy(() -> gateway("{\"type\":\"service_account\"}").book())
                .hasMessageContaining("has no 'client_email'");
    }

    @Test
    @DisplayName("unconfigured: says which settings to set")
    void notConfigured() {
        Map<String, String> env = Map.of("APP_SECRET_KEY", "test-secret-key-that-is-long-enough-0123456789");
        var gateway = new SheetsGateway(SettingsReader.read(env::get), clock, new VirtualTime());
        assertThat(gateway.configured()).isFalse();
        assertThatThrownBy(gateway::book)
                .hasMessageContaining("set GOOGLE_SHEETS_CREDENTIALS_JSON and DEV_TRACK_SHEET_ID");
    }

    @Test
    @DisplayName("batchUpdate posts the requests as one batch")
    void batchUpdate() {
        FakeGoogle.stubBatchUpdate(google);
        var request = new Request().setUpdateCells(new UpdateCellsRequest().setFields("note"));
        gateway(FakeGoogle.credentialsJson(google)).batchUpdate(List.of(request, request));
        google.verify(postRequestedFor(urlPathEqualTo("/v4/spreadsheets/" + FakeGoogle.SHEET_ID + ":batchUpdate"))
                .withRequestBody(matchingJsonPath("$.requests.length()", equalTo("2"))));
    }

    @Test
    @DisplayName("a read that hits Google's quota (429) or a 5xx is tried again after the kit's back-off")
    void readRetried() {
        FakeGoogle.stubSpreadsheet(google, DON);
        FakeGoogle.failNext(google, "/v4/spreadsheets/" + FakeGoogle.SHEET_ID, 429, 1);

        SheetBook book = gateway(FakeGoogle.credentialsJson(google)).freshBook();

        assertThat(book.tabs()).hasSize(1);
        google.verify(2, getRequestedFor(urlPathEqualTo("/v4/spreadsheets/" + FakeGoogle.SHEET_ID)));
        assertThat(time.waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("a write is not repeated after a 5xx, which may come after Google applied it")
    void writeNotRepeatedAfterServerError() {
        FakeGoogle.stubBatchUpdate(google);
        String path = "/v4/spreadsheets/" + FakeGoogle.SHEET_ID + ":batchUpdate";
        FakeGoogle.failNext(google, path, 503, 1);
        var request = new Request().setUpdateCells(new UpdateCellsRequest().setFields("note"));

        assertThatThrownBy(() -> gateway(FakeGoogle.credentialsJson(google)).batchUpdate(List.of(request)))
                .isInstanceOf(DevTrackException.class)
                .hasMessageContaining("503");
        google.verify(1, postRequestedFor(urlPathEqualTo(path)));
        assertThat(time.waits).isEmpty();
    }
}
