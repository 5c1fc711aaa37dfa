package dev.worklens.team;

import java.time.Instant;

/** A manager who signed in with Slack; the Slack token stays with {@link Operators}. */
public record Operator(
        long id,
        String slackUserId,
        String name,
        String teamId,
        String teamName,
        String githubLogin,
        boolean tokenRevoked,
        boolean hasToken,
        Instant connectedAt) {

    public static final String LOCAL_USER_ID = "local";

    public boolean isLocal() {
        return LOCAL_USER_ID.equals(slackUserId);
    }
}
