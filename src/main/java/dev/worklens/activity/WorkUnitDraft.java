package dev.worklens.activity;

import java.time.Instant;

/**
 * A work unit as a source converts it from its stored rows. {@code sourceKey} identifies the
 * source row (e.g. {@code slack:T1:C1:1700000000.000100}); with the member it makes the unit unique.
 *
 * @param kind standup, discussion, thread_reply, pull_request, review, commit or issue
 * @param role authored (the member wrote or did it), mentioned (someone mentioned them), or
 *     channel (seen in a channel the operator synced for themselves)
 */
public record WorkUnitDraft(
        long memberId,
        String source,
        String kind,
        String role,
        String sourceKey,
        Instant occurredAt,
        String title,
        String body,
        String url,
        String channel,
        String repo) {}
