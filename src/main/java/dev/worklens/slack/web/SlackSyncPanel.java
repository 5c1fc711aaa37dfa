package dev.worklens.slack.web;

import dev.worklens.slack.ingest.ExtractionState;
import dev.worklens.slack.ingest.Reextraction;
import dev.worklens.slack.ingest.SlackPreferences;
import dev.worklens.slack.ingest.WorkspaceStore;
import dev.worklens.sync.SyncPagePanel;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.Roster;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Slack's section of the Sync page: standup bot names that match nobody on the roster (so the
 * manager can fix a display name), the ignored-channel patterns, and the ignored-channel cleanup.
 */
@Component
class SlackSyncPanel implements SyncPagePanel {

    private final WorkspaceStore store;
    private final SlackPreferences preferences;
    private final Roster roster;
    private final ExtractionState extraction;
    private final Reextraction reextraction;

    SlackSyncPanel(
            WorkspaceStore store,
            SlackPreferences preferences,
            Roster roster,
            ExtractionState extraction,
            Reextraction reextraction) {
        this.store = store;
        this.preferences = preferences;
        this.roster = roster;
        this.extraction = extraction;
        this.reextraction = reextraction;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String template() {
        return "slack/sync-panel";
    }

    @Override
    public Map<String, Object> values(Operator operator) {
        Set<String> names = new HashSet<>();
        roster.members(operator.id()).stream().flatMap(Member::nameKeys).forEach(names::add);
        Map<String, Object> values = new HashMap<>();
        values.put("connected", !operator.isLocal());
        values.put("ignoredPatterns", preferences.ignoredChannels(operator.id()).text());
        values.put("standupPatterns", preferences.standupPatterns(operator.id()).text());
        values.put("lastExtraction", extraction.last().orElse(null));
        values.put("reextracting", reextraction.running());
        values.put("standupChannels", store.standupChannelNames(operator.teamId()));
        values.put(
                "unmatched",
                store.standupBotNames(operator.teamId()).stream()
                        .filter(b -> !names.contains(Member.nameKey(b.name())))
                        .toList());
        values.put(
                "notes",
                preferences.lastSyncNotes(operator.id()).map(n -> n.split("\n")).orElse(new String[0]));
        return values;
    }
}
