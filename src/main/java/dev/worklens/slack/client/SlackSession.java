package dev.worklens.slack.client;

/**
 * Who calls Slack: the operator's token, their workspace (the limiter's key), and how to notice a
 * cancel while waiting.
 */
public record SlackSession(String token, String teamId, Runnable checkCancelled) {

    public static SlackSession of(String token, String teamId) {
        return new SlackSession(token, teamId, () -> {});
    }

    @Override
    public String toString() {
        return "SlackSession[teamId=" + teamId + "]"; // never the token
    }
}
