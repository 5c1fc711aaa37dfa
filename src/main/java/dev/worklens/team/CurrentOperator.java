package dev.worklens.team;

import dev.worklens.system.security.SignedInOperators;
import dev.worklens.system.web.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Which operator a request acts for: the signed-in one on pages; on the API the {@code operator}
 * parameter, which may be left out when exactly one operator exists. Never "whoever signed in last".
 */
@Component
public class CurrentOperator {

    private final Operators operators;

    CurrentOperator(Operators operators) {
        this.operators = operators;
    }

    /** The operator signed in to this browser. */
    public Operator signedIn() {
        var principal = SignedInOperators.current()
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in first."));
        return operators
                .find(principal.operatorId())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in again."));
    }

    /** The operator an API call names. */
    public Operator forApi(String slackUserId) {
        if (slackUserId != null && !slackUserId.isBlank()) {
            return operators
                    .findBySlackUserId(slackUserId.strip())
                    .orElseThrow(() -> new ApiException(
                            HttpStatus.NOT_FOUND,
                            "unknown_operator",
                            "No operator with Slack user id '" + abbreviate(slackUserId)
                                    + "'; GET /api/operators lists them."));
        }
        List<Operator> all = operators.all();
        if (all.size() == 1) {
            return all.get(0);
        }
        if (all.isEmpty()) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "no_operator",
                    "No operator exists yet: sign in to Worklens with Slack first.");
        }
        throw ApiException.invalid(
                "operator", "Several operators exist: pass 'operator' with a Slack user id from GET /api/operators.");
    }

    static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
