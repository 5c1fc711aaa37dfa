package dev.worklens.slack.api;

import dev.worklens.slack.client.SlackApiError;
import dev.worklens.system.web.ApiException;
import org.springframework.http.HttpStatus;

/** Slack's refusals as API errors: what the operator must do, in Slack's own words. */
public final class SlackErrors {

    private SlackErrors() {}

    public static ApiException asApiError(SlackApiError e) {
        if ("not_signed_in".equals(e.code())) {
            return new ApiException(HttpStatus.CONFLICT, "slack_not_connected", e.getMessage());
        }
        if (e.tokenDead()) {
            return new ApiException(HttpStatus.CONFLICT, "slack_sign_in_again", e.getMessage());
        }
        if ("missing_scope".equals(e.code())) {
            return new ApiException(HttpStatus.CONFLICT, "slack_missing_scope", e.getMessage());
        }
        if ("unreachable".equals(e.code()) || e.code().startsWith("http_")) {
            return new ApiException(HttpStatus.BAD_GATEWAY, "slack_unreachable", e.getMessage());
        }
        return new ApiException(HttpStatus.CONFLICT, "slack_" + e.code(), e.getMessage());
    }
}
