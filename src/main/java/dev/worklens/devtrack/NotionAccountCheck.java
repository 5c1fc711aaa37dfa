package dev.worklens.devtrack;

import dev.worklens.devtrack.notion.NotionApiException;
import dev.worklens.devtrack.notion.NotionClient;
import dev.worklens.system.Settings;
import dev.worklens.system.retry.RetryClock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Notion card on the Connect page: the integration token is valid ({@code GET /v1/users/me}),
 * the dev-track database is shared with it, and the view is reachable when one is set. One try
 * each, no waits; a good answer is kept a few minutes.
 */
@Component
class NotionAccountCheck extends CachedAccountCheck {

    static final String TITLE = "Notion (Dev track)";
    static final String INTEGRATIONS_URL = "https://www.notion.so/profile/integrations";

    private final Settings.Notion settings;
    private final NotionClient client;

    NotionAccountCheck(Settings settings, JsonMapper json, RetryClock retryClock, Clock clock) {
        super(clock);
        this.settings = settings.notion();
        this.client = new NotionClient(this.settings.apiUrl(), this.settings.apiKey(), json, retryClock);
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    boolean configured() {
        return settings.configured();
    }

    @Override
    AccountStatus notSetUp() {
        return AccountStatus.of(
                TITLE,
                false,
                "Not set up: set NOTION_API_KEY and NOTION_DEV_TRACK_DATABASE_ID (and NOTION_DEV_TRACK_VIEW_ID"
                        + " for a view) to read the dev-track pages.",
                List.of());
    }

    @Override
    AccountStatus fresh() {
        List<String> details = new ArrayList<>();
        try {
            var me = client.getOnce("/v1/users/me");
            String bot = me.path("name").asString("");
            details.add("Integration: " + (bot.isBlank() ? me.path("id").asString("?") : bot) + ".");
        } catch (NotionApiException e) {
            return refused(
                    e.status() == 401
                            ? "Notion refused the token (401 " + e.code() + "): set a current integration secret in"
                                    + " NOTION_API_KEY."
                            : "Notion could not be asked: " + e.getMessage(),
                    details);
        }
        try {
            var database = client.getOnce("/v1/databases/" + settings.databaseId());
            String title = database.path("title").path(0).path("plain_text").asString("");
            details.add("Database: " + (title.isBlank() ? settings.databaseId() : title) + ".");
        } catch (NotionApiException e) {
            return refused(
                    e.status() == 404
                            ? "The dev-track database " + settings.databaseId() + " is not reachable (404 " + e.code()
                                    + "): share it with the integration (⋯ → Connections) or check"
                                    + " NOTION_DEV_TRACK_DATABASE_ID."
                            : "Notion answered " + e.status() + " for the database: " + e.getMessage(),
                    details);
        }
        if (settings.viewId() != null && !settings.viewId().isBlank()) {
            try {
                client.getOnce("/v1/views/" + settings.viewId());
                details.add("View: " + settings.viewId() + ".");
            } catch (NotionApiException e) {
                return refused(
                        "The view " + settings.viewId() + " is not reachable (" + e.status() + " " + e.code()
                                + "): check NOTION_DEV_TRACK_VIEW_ID, or leave it unset to read the whole database.",
                        details);
            }
        }
        return AccountStatus.of(TITLE, true, "The token works and the dev-track database is reachable.", details);
    }

    private static AccountStatus refused(String summary, List<String> details) {
        return new AccountStatus(TITLE, false, summary, details, INTEGRATIONS_URL, "Open Notion integrations");
    }
}
