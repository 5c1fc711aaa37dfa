package dev.worklens.activity;

import java.time.Instant;

/**
 * A work unit as a source converts it from its stored rows. {@code sourceKey} identifies the
 * source row (e.g. {@code slack:T1:C1:1700000000.000100}); with the member it makes the unit unique.
 *
 * @param kind what the unit is; its code is what is stored
 * @param role authored (the member wrote or did it), mentioned (someone mentioned them), or
 *     channel (seen in a channel the operator synced for themselves)
 * @param author who wrote it, as a name people read (a message's author; null when it is the member's own
 *     GitHub work)
 * @param threadReply a reply in a thread, whatever its kind (a standup may be one)
 * @param parentTitle a reply's thread parent, its first line
 * @param files attached files, one {@code name<TAB>url} per line, or null
 */
public record WorkUnitDraft(
        long memberId,
        String source,
        UnitKind kind,
        String role,
        String sourceKey,
        Instant occurredAt,
        String title,
        String body,
        String url,
        String channel,
        String repo,
        String author,
        boolean threadReply,
        String parentTitle,
        String files) {

    /** A unit that records no author, thread or files: what sources other than Slack store. */
    public WorkUnitDraft(
            long memberId,
            String source,
            UnitKind kind,
            String role,
            String sourceKey,
            Instant occurredAt,
            String title,
            String body,
            String url,
            String channel,
            String repo) {
        this(
                memberId,
                source,
                kind,
                role,
                sourceKey,
                occurredAt,
                title,
                body,
                url,
                channel,
                repo,
                null,
                false,
                null,
                null);
    }
}
