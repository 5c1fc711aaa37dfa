package dev.worklens.devtrack.sheet;

import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The service-account key from {@code GOOGLE_SHEETS_CREDENTIALS_JSON}, checked and turned into credentials. */
record ServiceAccountKey(String clientEmail, ServiceAccountCredentials credentials) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SCOPE = "https://www.googleapis.com/auth/spreadsheets";

    static ServiceAccountKey parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json.strip());
        } catch (JacksonException e) {
            throw new DevTrackException(
                    "GOOGLE_SHEETS_CREDENTIALS_JSON is not valid JSON (" + firstLine(e.getOriginalMessage())
                            + "). Paste the service-account key file's whole content as one line.");
        }
        if (!(node instanceof ObjectNode key)) {
            throw new DevTrackException(
                    "GOOGLE_SHEETS_CREDENTIALS_JSON is not valid JSON for a key: expected an object like the key file Google downloads.");
        }
        for (String field : new String[] {"client_email", "private_key"}) {
            if (key.path(field).asString("").isBlank()) {
                throw new DevTrackException("GOOGLE_SHEETS_CREDENTIALS_JSON has no '" + field
                        + "': use a service-account key file (type service_account) from Google Cloud.");
            }
        }
        // keys pasted through shells and .env files often arrive with a literal backslash-n
        key.put("private_key", key.path("private_key").asString().replace("\\n", "\n"));
        if (!key.has("type")) {
            key.put("type", "service_account");
        }
        for (String optional : new String[] {"client_id", "private_key_id"}) {
            if (!key.has(optional)) {
                key.put(optional, "");
            }
        }
        String email = key.path("client_email").asString();
        try {
            var credentials = ServiceAccountCredentials.fromStream(
                            new ByteArrayInputStream(JSON.writeValueAsBytes(key)))
                    .createScoped(SCOPE);
            return new ServiceAccountKey(email, (ServiceAccountCredentials) credentials);
        } catch (IOException | RuntimeException e) {
            throw new DevTrackException("GOOGLE_SHEETS_CREDENTIALS_JSON could not be used as a service-account key ("
                    + firstLine(e.getMessage()) + "). Download a fresh JSON key for the service account.");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    @Override
    public String toString() {
        return "ServiceAccountKey[" + clientEmail + "]";
    }
}
