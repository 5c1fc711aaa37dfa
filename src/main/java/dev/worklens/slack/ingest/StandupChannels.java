package dev.worklens.slack.ingest;

import dev.worklens.slack.client.SlackRecords.SlackChannel;
import dev.worklens.system.Settings;
import dev.worklens.team.Member;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which channels hold standups (PRODUCT.md §2): a bot reposts there under people's names, a
 * setting pins it, or its name matches an operator's standup pattern. The sync and re-extraction
 * ask the same question here, so both attribute a channel's messages alike.
 */
@Component
public class StandupChannels {

    private final SlackStore store;
    private final WorkspaceStore workspace;
    private final Settings settings;

    StandupChannels(SlackStore store, WorkspaceStore workspace, Settings settings) {
        this.store = store;
        this.workspace = workspace;
        this.settings = settings;
    }

    /**
     * @param standup bot reposts in the channel are standups
     * @param handPosted everything a member writes in the channel is a standup
     */
    public record Verdict(boolean standup, boolean handPosted) {}

    /** Decides and remembers (for the Sync page) whether the channel is a standup channel. */
    public Verdict of(String teamId, SlackChannel channel, Set<String> knownNames, ChannelPatterns patterns) {
        Verdict verdict = decide(teamId, channel, knownNames, patterns);
        workspace.markStandup(teamId, channel.id(), verdict.standup());
        return verdict;
    }

    /**
     * Decides from what holds now — the patterns, the pin, the bot posts stored — and never from
     * the flag an earlier decision left, so a channel whose pattern was removed stops being one.
     */
    public Verdict decide(String teamId, SlackChannel channel, Set<String> knownNames, ChannelPatterns patterns) {
        boolean handPosted = patterns.matches(channel.name());
        boolean pinned = settings.slack().standupChannels().stream()
                .map(s -> s.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT))
                .anyMatch(s -> s.equals(channel.name().toLowerCase(Locale.ROOT)) || s.equalsIgnoreCase(channel.id()));
        boolean standup = handPosted
                || pinned
                || store.botNames(teamId, channel.id()).stream()
                        .map(Member::nameKey)
                        .anyMatch(knownNames::contains);
        return new Verdict(standup, handPosted);
    }
}
