package dev.worklens.classify;

import dev.worklens.classify.claude.ClaudeMessages;
import dev.worklens.team.AccountCheck;
import dev.worklens.team.Operator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The Claude card on the Connect page: key and model proven by {@code GET /v1/models/{model}}
 * (no tokens spent; a good answer is kept a few minutes), the month's tokens against the budget, and the last
 * failure a person must fix.
 */
@Component
class ClaudeAccountCheck implements AccountCheck {

    static final Duration CACHE = Duration.ofMinutes(5);
    static final String KEYS_URL = "https://console.anthropic.com/settings/keys";
    static final String BILLING_URL = "https://console.anthropic.com/settings/billing";

    private final ClaudeMessages claude;
    private final ClaudeStatus status;
    private final Clock clock;
    private volatile Instant checkedAt;

    ClaudeAccountCheck(ClaudeMessages claude, ClaudeStatus status, Clock clock) {
        this.claude = claude;
        this.status = status;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public AccountStatus check(Operator operator) {
        if (!claude.active()) {
            return new AccountStatus(
                    "Claude (Anthropic)",
                    false,
                    "Claude is off: work is labelled by the offline classifier. Set ANTHROPIC_API_KEY (and leave"
                            + " ENABLE_AI_EXTRACTION unset or true) to label and summarise with Claude.",
                    List.of(),
                    KEYS_URL,
                    "Create an API key");
        }
        Optional<String> keyProblem = keyAndModel();
        ClaudeStatus.State state = status.state();
        List<String> details = new ArrayList<>();
        details.add("Model: " + state.model() + ".");
        details.add("Tokens this month (UTC): " + state.tokensThisMonth() + ", today " + state.tokensToday()
                + (state.budget() > 0 ? "; monthly budget " + state.budget() + "." : "; no monthly budget set."));
        if (state.budgetSpent()) {
            details.add("The monthly budget is spent: Claude is not called again until next month (offline labels"
                    + " meanwhile). Raise ANTHROPIC_MONTHLY_TOKEN_BUDGET to resume now.");
        }
        String problem = state.problem() != null ? state.problem() : keyProblem.orElse(null);
        if (problem != null) {
            boolean billing = problem.contains("credits") || problem.contains("spend limit");
            return new AccountStatus(
                    "Claude (Anthropic)",
                    false,
                    problem,
                    details,
                    billing ? BILLING_URL : KEYS_URL,
                    billing ? "Open Anthropic billing" : "Open Anthropic API keys");
        }
        return AccountStatus.of(
                "Claude (Anthropic)",
                !state.budgetSpent(),
                "The API key works and model " + state.model() + " is available.",
                details);
    }

    private Optional<String> keyAndModel() {
        Instant now = clock.instant();
        Instant at = checkedAt;
        if (at != null && at.plus(CACHE).isAfter(now)) {
            return Optional.empty();
        }
        // only a good answer is kept: a problem is asked again, so a fixed key shows at once
        Optional<String> problem = claude.checkKeyAndModel();
        checkedAt = problem.isEmpty() ? now : null;
        return problem;
    }
}
