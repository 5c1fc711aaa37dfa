package dev.worklens.activity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

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
        return Arrays.stream(values())
                .filter(k -> k.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a work unit kind: " + code));
    }
}
