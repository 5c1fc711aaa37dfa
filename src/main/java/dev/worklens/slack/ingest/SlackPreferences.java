package dev.worklens.slack.ingest;

import dev.worklens.system.Settings;
import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An operator's Slack settings in {@code app_settings}: ignored-channel patterns (default
 * {@code SLACK_IGNORED_CHANNELS}), the workspace URL for permalinks, and the last sync's notes.
 */
@Repository
public class SlackPreferences {

    static final String IGNORED = "slack.ignored_channels";
    static final String TEAM_URL = "slack.team_url";
    static final String NOTES = "slack.last_sync_notes";

    private final JdbcClient jdbc;
    private final Settings settings;
    private final Clock clock;
    private final String upsert;

    SlackPreferences(JdbcClient jdbc, Settings settings, Clock clock, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.upsert =
                dialect.upsert("app_settings", "operator_id, name", "operator_id, name, setting_value, updated_at");
    }

    public ChannelPatterns ignoredChannels(long operatorId) {
        return value(operatorId, IGNORED)
                .map(ChannelPatterns::stored)
                .orElseGet(() ->
                        ChannelPatterns.stored(String.join(",", settings.slack().ignoredChannels())));
    }

    public void saveIgnoredChannels(long operatorId, ChannelPatterns patterns) {
        save(operatorId, IGNORED, patterns.text());
    }

    public String permalinkBase(long operatorId) {
        return value(operatorId, TEAM_URL).orElse(settings.slack().baseUrl().toString());
    }

    public void saveTeamUrl(long operatorId, String url) {
        if (url != null && !url.isBlank()) {
            save(operatorId, TEAM_URL, url);
        }
    }

    public Optional<String> lastSyncNotes(long operatorId) {
        return value(operatorId, NOTES).filter(s -> !s.isBlank());
    }

    public void saveLastSyncNotes(long operatorId, String notes) {
        save(operatorId, NOTES, notes.length() > 3900 ? notes.substring(0, 3900) + "…" : notes);
    }

    private Optional<String> value(long operatorId, String name) {
        return jdbc.sql("SELECT setting_value FROM app_settings WHERE operator_id = ? AND name = ?")
                .params(operatorId, name)
                .query(String.class)
                .optional();
    }

    private void save(long operatorId, String name, String value) {
        jdbc.sql(upsert)
                .params(operatorId, name, value, Rows.utc(clock.instant()))
                .update();
    }
}
