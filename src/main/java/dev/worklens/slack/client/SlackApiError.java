package dev.worklens.slack.client;

/**
 * Slack refused a call ({@code ok:false}, answered with HTTP 200) or could not be reached. The code is
 * Slack's own word ({@code not_in_channel}, {@code missing_scope}); {@code needed} names the missing
 * scope when Slack says which.
 */
public class SlackApiError extends RuntimeException {

    private final String code;
    private final String needed;
    private final String provided;

    public SlackApiError(String code, String needed, String message) {
        this(code, needed, null, message);
    }

    public SlackApiError(String code, String needed, String provided, String message) {
        super(message);
        this.code = code;
        this.needed = needed;
        this.provided = provided;
    }

    public static SlackApiError of(String method, String code, String needed) {
        return of(method, code, needed, null);
    }

    /** {@code provided}: the scopes Slack says the token has, sent with {@code missing_scope}. */
    public static SlackApiError of(String method, String code, String needed, String provided) {
        return new SlackApiError(code, needed, provided, describe(method, code, needed));
    }

    public String code() {
        return code;
    }

    public String needed() {
        return needed;
    }

    public String provided() {
        return provided;
    }

    /** The token no longer works: the operator must sign in with Slack again. */
    public boolean tokenDead() {
        return "invalid_auth".equals(code)
                || "token_revoked".equals(code)
                || "account_inactive".equals(code)
                || "not_authed".equals(code)
                || "token_expired".equals(code);
    }

    /**
     * The token lacks a private-channel scope ({@code groups:read} to list, {@code groups:history} to
     * read): public channels can still be synced.
     */
    public boolean privateScopeMissing() {
        return "missing_scope".equals(code) && needed != null && needed.contains("groups:");
    }

    /** What a manager does about a missing private-channel scope, naming the scope Slack asked for. */
    public String privateChannelsSkipped() {
        String scope = needed == null ? "groups:read" : needed;
        return "Private channels were skipped: your Slack token lacks the " + scope + " scope (Slack granted: "
                + (provided == null || provided.isBlank() ? "unknown" : provided.replace(",", ", "))
                + "). To sync them, add"
                + " groups:read and groups:history to the Slack app's user token scopes (OAuth & Permissions),"
                + " reinstall the app to the workspace, then sign in with Slack again on the Connect page.";
    }

    /** The channel cannot be read by this operator; the sync skips it. */
    public boolean channelUnreadable() {
        return "not_in_channel".equals(code) || "channel_not_found".equals(code);
    }

    static String describe(String method, String code, String needed) {
        return switch (code) {
            case "missing_scope" ->
                "The Slack token lacks the scope "
                        + (needed == null ? "this call needs" : "'" + needed + "'") + " (" + method
                        + "). Add it to the Slack app's user scopes, then sign in with Slack again.";
            case "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive" ->
                "Slack no" + " longer accepts your token (" + code + "). Sign in with Slack again.";
            case "not_in_channel" -> "You are not a member of this channel (not_in_channel).";
            case "channel_not_found" -> "Slack cannot find this channel for you (channel_not_found).";
            case "ratelimited" -> "Slack kept rate-limiting " + method + ".";
            default -> "Slack refused " + method + ": " + code + ".";
        };
    }
}
