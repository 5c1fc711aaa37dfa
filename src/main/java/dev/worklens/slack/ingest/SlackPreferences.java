package dev.worklens.slack.ingest;

import dev.worklens.system.Settings;
import dev.worklens.team.OperatorSettings;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/**
 * An operator's Slack settings, kept in team's {@link OperatorSettings}: ignored-channel patterns (default
 * {@code SLACK_IGNORED_CHANNELS}), the workspace URL for permalinks, and the last sync's notes.
 */
@Repository
public class SlackPreferences {

    static final String IGNORED = "slack.ignored_channels";
    static final String STANDUP_PATTERNS = "slack.standup_channel_patterns";
    static final String TEAM_URL = "slack.team_url";
    static final String NOTES = "slack.last_sync_notes";

    private final OperatorSettings stored;
    private final Settings settings;

    SlackPreferences(OperatorSettings stored, Settings settings) {
        this.stored = stored;
        this.settings = settings;
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

    /** Names of channels where people post standups by hand (default SLACK_STANDUP_CHANNEL_PATTERNS). */
    public ChannelPatterns standupPatterns(long operatorId) {
        return value(operatorId, STANDUP_PATTERNS)
                .map(ChannelPatterns::stored)
                .orElseGet(() ->
                        ChannelPatterns.stored(String.join(",", settings.slack().standupChannelPatterns())));
    }

    public void saveStandupPatterns(long operatorId, ChannelPatterns patterns) {
        save(operatorId, STANDUP_PATTERNS, patterns.text());
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
        return stored.value(operatorId, name);
    }

    private void save(long operatorId, String name, String value) {
        stored.save(operatorId, name, value);
    }
}
