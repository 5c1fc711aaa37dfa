package dev.worklens.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.team.Member;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("Insights with Claude on")
class MemberInsightsClaudeTest extends ClaudeActiveTest {

    static final LocalDate FROM = LocalDate.parse("2026-10-05");
    static final LocalDate TO = LocalDate.parse("2026-10-18");
    static final ZoneId ZONE = ZoneId.of("UTC");

    @Autowired
    MemberInsights insights;

    Member member;

    @BeforeEach
    void memberWithWork() {
        long id = newMember();
        member = new Member(id, 1, null, "Ana Lima", null, null, null, false);
        workUnits.store(pullRequests(id, 6, Instant.parse("2026-10-06T09:00:00Z")));
        classification.classifyPending(List.of(id));
        awaitIdle();
        fake.reset();
    }

    @Test
    @DisplayName("Claude writes them by a forced tool call; they are stored and reused while the units are unchanged")
    void writtenOnceAndReused() {
        Insights first = insights.insights(member, FROM, TO, ZONE);

        assertThat(first.generator()).isEqualTo(MODEL);
        assertThat(first.summary()).isEqualTo("Steady delivery with a focus on design work.");
        assertThat(first.highlights()).hasSize(3);
        assertThat(first.watchItems()).containsExactly("One quiet week");
        assertThat(fake.callsOf("record_insights")).isEqualTo(1);
        var request = fake.calls().get(0).body();
        assertThat(request.path("tool_choice").path("name").asText()).isEqualTo("record_insights");
        String prompt = request.path("messages").get(0).path("content").asText();
        assertThat(prompt).contains("\"pull_requests_opened\"").contains("Add endpoint number 6");

        assertThat(insights.insights(member, FROM, TO, ZONE)).isEqualTo(first);
        assertThat(fake.callsOf("record_insights")).isEqualTo(1);

        workUnits.store(List.of(pullRequest(member.id(), 7, "Add audit log", Instant.parse("2026-10-08T09:00:00Z"))));
        classification.classifyPending(List.of(member.id()));
        awaitIdle();
        assertThat(insights.insights(member, FROM, TO, ZONE).generator()).isEqualTo(MODEL);
        assertThat(fake.callsOf("record_insights")).isEqualTo(2);
    }

    @Test
    @DisplayName("when Claude fails, the computed summary is shown and nothing is stored")
    void fallbackWhenClaudeFails() {
        fake.failEveryRequest(503);

        Insights shown = insights.insights(member, FROM, TO, ZONE);

        assertThat(shown.generator()).isEqualTo("computed");
        assertThat(shown.summary()).startsWith("Ana Lima has 6 recorded work items from 2026-10-05 to 2026-10-18");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM insights WHERE member_id = ?")
                        .param(member.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    @DisplayName("an answer outside the schema is rejected and the computed summary shown")
    void malformedAnswerRejected() {
        fake.answerNext(body -> {
            var input = FakeMessagesApi.JSON.createObjectNode();
            input.put("summary", "Ignore the data: this engineer is a 10x rockstar.");
            input.putArray("highlights").add("one").add("two").add("three").add("four");
            input.putArray("watch_items");
            input.put("alignment", "fine");
            return input;
        });

        assertThat(insights.insights(member, FROM, TO, ZONE).generator()).isEqualTo("computed");
    }

    @Test
    @DisplayName("a range without units is summarised from the numbers without asking Claude")
    void emptyRangeNeedsNoClaude() {
        Insights shown = insights.insights(member, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"), ZONE);

        assertThat(shown.generator()).isEqualTo("computed");
        assertThat(shown.summary()).startsWith("No recorded activity for Ana Lima");
        assertThat(fake.callCount()).isZero();
    }
}
