package dev.worklens.activity;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a work unit is. {@link #code()} is the one spelling: what {@code work_units.kind} stores, what
 * the content hash covers, and what the pages, filters and JSON show. The order is the activity
 * filter's.
 */
public enum UnitKind {
    /** A standup: a bot's standup post for the member, the member's reply to it, or a hand-posted one. */
    STANDUP("standup"),
    /** A top-level Slack message. */
    DISCUSSION("discussion"),
    /** A reply in a Slack thread that is not a standup. */
    THREAD_REPLY("thread_reply"),
    PULL_REQUEST("pull_request"),
    REVIEW("review"),
    COMMIT("commit"),
    ISSUE("issue");

    private static final UnitKind[] ALL = values();

    private final String code;

    UnitKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The kind a stored code names; an unknown code is a bug, not data to guess at. */
    public static UnitKind of(String code) {
        // read once per row on the report's path: a loop over a cached array, no stream
        for (UnitKind kind : ALL) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not a work unit kind: " + code);
    }
}
