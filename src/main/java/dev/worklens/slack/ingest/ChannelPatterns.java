package dev.worklens.slack.ingest;

import dev.worklens.system.GlobList;
import java.util.List;

/**
 * Ignored-channel globs ({@code nimble*}, {@code *-activity}, {@code ic-?}), matched ignoring case
 * by the linear-time {@link dev.worklens.system.Glob}.
 */
public record ChannelPatterns(GlobList list) {

    /** @throws GlobList.InvalidGlobsException naming every pattern that cannot be used */
    public static ChannelPatterns parse(String text) {
        return new ChannelPatterns(GlobList.parse(text));
    }

    /** Stored or configured patterns: invalid ones are left out rather than stopping a sync. */
    static ChannelPatterns stored(String text) {
        return new ChannelPatterns(GlobList.parseLeniently(text));
    }

    public List<String> globs() {
        return list.patterns();
    }

    public boolean matches(String channelName) {
        return list.matchesAny(channelName);
    }

    public String text() {
        return list.text();
    }
}
