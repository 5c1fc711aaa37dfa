package dev.worklens.classify.claude;

import com.anthropic.errors.AnthropicServiceException;
import dev.worklens.classify.claude.ClaudeLedger.Blocker.Kind;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an Anthropic error answer ({@code {"type":"error","error":{"type","message"}}}) as a
 * failure a person must fix, or nothing when it is our request's fault or passes by itself.
 */
final class ClaudeProblems {

    private ClaudeProblems() {}

    record Problem(Kind kind, String words) {}

    static Optional<Problem> mustFix(AnthropicServiceException e, String model) {
        int status = e.statusCode();
        String type = e.errorType().map(Object::toString).orElse("");
        String message = e.apiMessage().orElse("");
        if (status == 401 || type.equals("authentication_error")) {
            return Optional.of(new Problem(
                    Kind.KEY,
                    "Anthropic refused the API key (401 authentication_error): set a current key in"
                            + " ANTHROPIC_API_KEY and restart Worklens."));
        }
        if (status == 402 || type.equals("billing_error") || creditsMessage(message)) {
            return Optional.of(new Problem(
                    Kind.CREDITS,
                    "The Anthropic account has no credits left (\"" + clip(message)
                            + "\"): add credits under Plans & Billing in the Anthropic console."));
        }
        if (status == 429
                && e.errorCode().filter("enforced_spend_limit_reached"::equals).isPresent()) {
            return Optional.of(new Problem(
                    Kind.CREDITS,
                    "The Anthropic account reached its spend limit: raise the limit in the Anthropic console."));
        }
        if (status == 404 || type.equals("not_found_error")) {
            return Optional.of(new Problem(
                    Kind.MODEL,
                    "Anthropic does not know the model '" + model + "' (404 not_found_error): set ANTHROPIC_MODEL"
                            + " to a current model, for example claude-sonnet-4-6."));
        }
        if (status == 403 || type.equals("permission_error")) {
            return Optional.of(new Problem(
                    Kind.PERMISSION,
                    "The API key may not use model '" + model + "' (403 permission_error): allow it for the key's"
                            + " workspace in the Anthropic console, or set another ANTHROPIC_MODEL."));
        }
        return Optional.empty();
    }

    // Anthropic answers an empty balance with 400 invalid_request_error, telling it only in the message
    private static boolean creditsMessage(String message) {
        return message.toLowerCase(Locale.ROOT).contains("credit balance");
    }

    private static String clip(String message) {
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
