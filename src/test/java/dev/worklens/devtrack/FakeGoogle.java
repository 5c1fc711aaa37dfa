package dev.worklens.devtrack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A local stand-in for Google: the OAuth token endpoint a service account exchanges its signed JWT
 * at, and the Sheets v4 {@code spreadsheets.get} / {@code batchUpdate} routes, answering in the
 * documented shapes. The service-account key is a throwaway RSA key made here.
 */
public final class FakeGoogle {

    public static final String SHEET_ID = "SHEET1";
    public static final String CLIENT_EMAIL = "worklens-reader@worklens-test.iam.gserviceaccount.com";
    public static final String TOKEN = "ya29.fake-access-token";
    private static String privateKeyPem;

    private FakeGoogle() {}

    /** A service-account key file as Google downloads it, its token_uri on the fake. */
    public static String credentialsJson(WireMockServer server) {
        String pem = privateKeyPem().replace("\n", "\\n");
        return """
                {"type":"service_account","project_id":"worklens-test","private_key_id":"k1",
                 "private_key":"%s","client_email":"%s","client_id":"1234567890",
                 "token_uri":"%s/token"}""".formatted(pem, CLIENT_EMAIL, server.baseUrl()).replace("\n", "");
    }

    static synchronized String privateKeyPem() {
        if (privateKeyPem == null) {
            try {
                var generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
                privateKeyPem = "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                        + "\n-----END PRIVATE KEY-----\n";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return privateKeyPem;
    }

    public static void stubToken(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/token"))
                .willReturn(
                        okJson("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
    }

    public static void stubSpreadsheet(WireMockServer server, Tab... tabs) {
        List<String> sheets = new ArrayList<>();
        for (int i = 0; i < tabs.length; i++) {
            sheets.add(tabs[i].json(i));
        }
        server.stubFor(get(urlPathEqualTo("/v4/spreadsheets/" + SHEET_ID))
                .willReturn(okJson(
                        "{\"spreadsheetId\":\"" + SHEET_ID + "\",\"sheets\":[" + String.join(",", sheets) + "]}")));
    }

    public static void stubBatchUpdate(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/v4/spreadsheets/" + SHEET_ID + ":batchUpdate"))
                .willReturn(okJson("{\"spreadsheetId\":\"" + SHEET_ID + "\",\"replies\":[{}]}")));
    }

    public static void stubSpreadsheetDenied(WireMockServer server) {
        server.stubFor(get(urlPathEqualTo("/v4/spreadsheets/" + SHEET_ID))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":403,\"message\":\"The caller does not have permission\","
                                + "\"status\":\"PERMISSION_DENIED\"}}")));
    }

    /**
     * The next {@code count} requests to {@code path} answer {@code status} in Google's error shape
     * (429 is RESOURCE_EXHAUSTED, "Quota exceeded ..."); the stubs made before answer afterwards.
     */
    public static void failNext(WireMockServer server, String path, int status, int count) {
        String scenario = "fail " + path;
        for (int i = 0; i < count; i++) {
            var request = path.endsWith(":batchUpdate") ? post(urlPathEqualTo(path)) : get(urlPathEqualTo(path));
            String state = i == 0 ? com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED : "failed " + i;
            server.stubFor(request.inScenario(scenario)
                    .whenScenarioStateIs(state)
                    .atPriority(1)
                    .willReturn(aResponse()
                            .withStatus(status)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"error\":{\"code\":" + status + ",\"message\":\""
                                    + (status == 429
                                            ? "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user'"
                                            : "The service is currently unavailable.")
                                    + "\",\"status\":\"" + (status == 429 ? "RESOURCE_EXHAUSTED" : "UNAVAILABLE")
                                    + "\"}}"))
                    .willSetStateTo("failed " + (i + 1)));
        }
    }

    /** A tab: rows of cells; a cell is "text", "text|colour hex" or "text|colour hex|note". */
    public record Tab(int sheetId, String title, List<List<String>> rows) {

        String json(int index) {
            List<String> rowJson = new ArrayList<>();
            for (List<String> row : rows) {
                List<String> cells = new ArrayList<>();
                for (String cell : row) {
                    cells.add(cell(cell));
                }
                rowJson.add("{\"values\":[" + String.join(",", cells) + "]}");
            }
            return "{\"properties\":{\"sheetId\":" + sheetId + ",\"title\":\"" + title + "\",\"index\":" + index
                    + "},\"data\":[{\"rowData\":[" + String.join(",", rowJson) + "]}]}";
        }

        private static String cell(String spec) {
            String[] parts = spec.split("\\|", -1);
            if (parts[0].isEmpty() && parts.length == 1) {
                return "{}";
            }
            StringBuilder json = new StringBuilder("{\"formattedValue\":\"" + parts[0] + "\"");
            if (parts.length > 1 && !parts[1].isEmpty()) {
                String colour = colour(parts[1].replace("legacy:", ""));
                // the deprecated field alone where the spec says legacy:, else both as Google sends them
                json.append(
                        parts[1].startsWith("legacy:")
                                ? ",\"effectiveFormat\":{\"backgroundColor\":" + colour + "}"
                                : ",\"effectiveFormat\":{\"backgroundColor\":" + colour
                                        + ",\"backgroundColorStyle\":{\"rgbColor\":" + colour + "}}");
            }
            if (parts.length > 2) {
                json.append(",\"note\":\"").append(parts[2]).append('"');
            }
            return json.append('}').toString();
        }

        /** Zero components are left out, as the Sheets API does. */
        private static String colour(String hex) {
            int rgb = Integer.parseInt(hex, 16);
            List<String> parts = new ArrayList<>();
            String[] names = {"red", "green", "blue"};
            for (int i = 0; i < 3; i++) {
                int v = (rgb >> (16 - 8 * i)) & 0xFF;
                if (v != 0) {
                    parts.add("\"" + names[i] + "\":" + String.format(Locale.ROOT, "%.6f", v / 255.0));
                }
            }
            return "{" + String.join(",", parts) + "}";
        }
    }
}
