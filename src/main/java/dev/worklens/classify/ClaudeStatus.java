package dev.worklens.classify;

import dev.worklens.classify.claude.ClaudeLedger;
import dev.worklens.classify.claude.ClaudeMessages;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * Claude's state in words for pages that are not the classify module's: the report says why its
 * labels are offline, the Connect page shows the key, the model and the month's spend.
 */
@Component("claudeStatus")
public class ClaudeStatus {

    private final ClaudeMessages claude;
    private final StoredClaudeLedger ledger;
    private final Clock clock;

    ClaudeStatus(ClaudeMessages claude, StoredClaudeLedger ledger, Clock clock) {
        this.claude = claude;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * @param problem a failure a person must fix, in words, or null
     * @param budget the monthly token budget; 0 when none is set
     */
    public record State(
            boolean active,
            String model,
            String problem,
            long tokensThisMonth,
            long tokensToday,
            long budget,
            boolean budgetSpent) {}

    public State state() {
        return new State(
                claude.active(),
                claude.model(),
                ledger.blocker().map(ClaudeLedger.Blocker::words).orElse(null),
                ledger.tokensThisMonth(),
                ledger.tokensOn(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)),
                claude.monthlyTokenBudget(),
                claude.budgetSpent());
    }

    /** Why a report's labels and insights are not Claude's right now; null when Claude is working or off by choice. */
    public String reportNote() {
        if (!claude.active()) {
            return null;
        }
        State state = state();
        if (state.problem() != null) {
            return "Claude is not working: " + state.problem() + " Until then the labels and the summary are offline.";
        }
        if (state.budgetSpent()) {
            return "This month's Claude token budget (" + state.budget() + " tokens, ANTHROPIC_MONTHLY_TOKEN_BUDGET) is"
                    + " spent: labels and the summary are offline until next month.";
        }
        return null;
    }

    /** Whether "Refresh with Claude" can do anything now. */
    public boolean canRefresh() {
        return claude.active() && !claude.budgetSpent();
    }
}
