package dev.worklens.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.classify.claude.ClaudeLedger;
import dev.worklens.classify.claude.ClaudeMessages;
import dev.worklens.system.Settings;
import dev.worklens.system.retry.VirtualTime;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PRODUCT.md §7: ANTHROPIC_MONTHLY_TOKEN_BUDGET stops Claude calls for the rest of the month once spent. */
@DisplayName("The monthly token budget")
class ClaudeBudgetTest {

    static final FakeMessagesApi fake = new FakeMessagesApi();

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    @DisplayName("once the month's tokens reach the budget no request is sent and units keep offline labels")
    void budgetStopsCalls() {
        fake.reset();
        var ledger = ClaudeLedger.inMemory(Clock.systemUTC());
        var settings =
                new Settings.Anthropic("sk-ant-budget-key-0123456789", "claude-sonnet-4-6", fake.baseUrl(), true, 2000);
        var messages =
                new ClaudeMessages(settings, new VirtualTime(java.time.Instant.parse("2026-11-20T12:00:00Z")), ledger);
        var classifier = new ClaudeClassifier(messages);

        assertThat(classifier.classify(ClaudeClassifierTest.units(2))).hasSize(2);
        assertThat(ledger.tokensThisMonth()).isEqualTo(1200);
        assertThat(messages.budgetSpent()).isFalse();
        assertThat(classifier.classify(List.of(ClaudeClassifierTest.unit(3, "Fix login", "Fixes it."))))
                .hasSize(1);
        assertThat(ledger.tokensThisMonth()).isEqualTo(2400);
        assertThat(messages.budgetSpent()).isTrue();

        int sent = fake.callCount();
        assertThat(classifier.classify(List.of(ClaudeClassifierTest.unit(4, "Add docs", "Docs."))))
                .isEmpty();
        assertThat(fake.callCount()).isEqualTo(sent);
    }
}
