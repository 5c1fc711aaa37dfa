package dev.worklens.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** PRODUCT.md §7: failures a person must fix are said in words until a call succeeds; spend is recorded. */
@DisplayName("Claude failures and spend")
class ClaudeFailuresTest extends ClaudeActiveTest {

    static final String NO_CREDITS = "Your credit balance is too low to access the Anthropic API. Please go to"
            + " Plans & Billing to upgrade or purchase credits.";

    @Autowired
    ClaudeStatus status;

    @Autowired
    StoredClaudeLedger ledger;

    @Autowired
    MockMvc mvc;

    @Autowired
    Operators operators;

    @Autowired
    Roster roster;

    Member member;

    @BeforeEach
    void memberWithWork() {
        fake.reset();
        jdbc.sql("DELETE FROM classify_claude_blocker").update();
        member = roster.add(operators.local().id(), new MemberFields(null, "Ana " + newMember(), null, null, null))
                .member();
        waits.clear();
    }

    void classifyNewWork() {
        workUnits.store(pullRequests(member.id(), 3, Instant.parse("2026-10-06T09:00:00Z")));
        classification.classifyPending(List.of(member.id()));
        awaitIdle();
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
    }

    @Test
    @DisplayName(
            "401 authentication_error: offline labels, the report and the Connect page say so until a call succeeds")
    void invalidKey() throws Exception {
        fake.keyRevoked = true;
        classifyNewWork();

        assertThat(rows(member.id())).allMatch(r -> r.classifier().equals("offline"));
        assertThat(status.reportNote()).contains("Anthropic refused the API key (401 authentication_error)");
        assertThat(page("/reports/" + member.id() + "?from=2026-10-01&to=2026-10-31"))
                .contains("Anthropic refused the API key")
                .contains("labels and the summary are offline");
        assertThat(page("/connect")).contains("Anthropic refused the API key").contains("Open Anthropic API keys");
        assertThat(fake.calls())
                .noneMatch(c -> c.apiKey() == null || !c.apiKey().equals(KEY));

        fake.keyRevoked = false;
        workUnits.store(List.of(pullRequest(member.id(), 9, "Fix retry", Instant.parse("2026-10-09T09:00:00Z"))));
        classification.classifyPending(List.of(member.id()));
        awaitIdle();
        assertThat(status.reportNote()).isNull();
    }

    @Test
    @DisplayName("400 invalid_request_error about the credit balance is a person's problem, not retried")
    void noCredits() {
        for (int i = 0; i < 10; i++) {
            fake.failNextWith(400, "invalid_request_error", NO_CREDITS);
        }
        classifyNewWork();

        assertThat(waits).isEmpty();
        assertThat(status.state().problem())
                .startsWith("The Anthropic account has no credits left")
                .contains("credit balance is too low")
                .contains("Plans & Billing");
    }

    @Test
    @DisplayName("404 not_found_error for the model names the model and the setting")
    void unknownModel() throws Exception {
        fake.unknownModels.add(MODEL);
        classifyNewWork();

        assertThat(status.state().problem())
                .contains("does not know the model '" + MODEL + "'")
                .contains("ANTHROPIC_MODEL");
        assertThat(page("/connect")).contains("does not know the model");
    }

    @Test
    @DisplayName("529 overloaded_error is retried with back-off and leaves no problem behind")
    void overloadedRetried() {
        fake.failNext(529, "overloaded_error", null);
        fake.failNext(529, "overloaded_error", null);
        classifyNewWork();

        assertThat(waits).hasSizeGreaterThanOrEqualTo(2);
        assertThat(waits.get(1)).isGreaterThan(waits.get(0));
        assertThat(rows(member.id())).allMatch(r -> r.classifier().equals(MODEL));
        assertThat(status.state().problem()).isNull();
    }

    @Test
    @DisplayName("tokens are recorded per day from the answers' usage fields and shown on the Connect page")
    void tokensRecorded() throws Exception {
        long before = ledger.tokensOn(LocalDate.now(ZoneOffset.UTC));
        classifyNewWork();

        long answered = fake.callsOf("record_labels");
        assertThat(answered).isPositive();
        // the fake answers usage {"input_tokens":1000,"output_tokens":200}
        assertThat(ledger.tokensOn(LocalDate.now(ZoneOffset.UTC)) - before).isEqualTo(1200 * answered);
        assertThat(page("/connect"))
                .contains("Claude (Anthropic)")
                .contains("Tokens this month (UTC)")
                .contains("The API key works and model " + MODEL + " is available.");
    }

    @Test
    @DisplayName("Refresh with Claude writes the report's insights again on demand")
    void refreshWithClaude() throws Exception {
        classifyNewWork();
        long before = fake.callsOf("record_insights");

        mvc.perform(post("/reports/" + member.id() + "/refresh-with-claude")
                        .param("from", "2026-10-01")
                        .param("to", "2026-10-31")
                        .with(csrf()))
                .andExpect(flash().attribute("flash", "Claude wrote the insights again for 2026-10-01 to 2026-10-31."));
        assertThat(fake.callsOf("record_insights")).isEqualTo(before + 1);
        assertThat(page("/reports/" + member.id() + "?from=2026-10-01&to=2026-10-31"))
                .contains("Refresh with Claude");
    }
}
