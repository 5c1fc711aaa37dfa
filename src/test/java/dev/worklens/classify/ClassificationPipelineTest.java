package dev.worklens.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.activity.UnitKind;
import dev.worklens.activity.WorkUnitDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@DisplayName("Classification after a store, with Claude on")
@ExtendWith(OutputCaptureExtension.class)
class ClassificationPipelineTest extends ClaudeActiveTest {

    static final Instant AT = Instant.parse("2026-10-06T09:00:00Z");

    @BeforeEach
    void settle() {
        awaitIdle();
        fake.reset();
        waits.clear();
    }

    @Test
    @DisplayName("a store labels every unit offline at once; Claude relabels them in one request")
    void offlineThenClaude() {
        long member = newMember();

        workUnits.store(pullRequests(member, 30, AT));

        // the store has returned: every unit already has a current label, offline or Claude's
        assertThat(rows(member))
                .hasSize(30)
                .allSatisfy(row -> assertThat(row.current()).isTrue());

        classification.classifyPending(List.of(member));
        awaitIdle();

        assertThat(rows(member))
                .hasSize(30)
                .allSatisfy(row -> assertThat(row).isEqualTo(new Row("architecture", MODEL, "claude-v1", 0.8, true)));
        assertThat(fake.callCount()).isEqualTo(1);
        assertThat(fake.calls().get(0).units()).hasSize(30);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM classifications WHERE prompt_version = 'claude-v1'"
                                + " AND short_title = 'Short u1'")
                        .query(Integer.class)
                        .single())
                .isPositive();
    }

    @Test
    @DisplayName("unchanged text is never sent again: second pass, re-store, and another member with the same text")
    void caching() {
        long first = newMember();
        List<WorkUnitDraft> drafts = pullRequests(first, 25, AT);
        workUnits.store(drafts);
        classification.classifyPending(List.of(first));
        awaitIdle();
        int calls = fake.callCount();
        assertThat(calls).isEqualTo(1);

        var again = classification.classifyPending(List.of(first));
        workUnits.store(drafts);
        awaitIdle();
        assertThat(again.sentToClaude()).isZero();
        assertThat(again.claudeRequests()).isZero();
        assertThat(fake.callCount()).isEqualTo(calls);

        long second = newMember();
        List<WorkUnitDraft> same = new ArrayList<>();
        drafts.forEach(d -> same.add(new WorkUnitDraft(
                second,
                d.source(),
                d.kind(),
                d.role(),
                d.sourceKey(),
                d.occurredAt(),
                d.title(),
                d.body(),
                d.url(),
                d.channel(),
                d.repo())));
        workUnits.store(same);
        classification.classifyPending(List.of(second));
        awaitIdle();
        assertThat(fake.callCount()).isEqualTo(calls);
        assertThat(rows(second))
                .hasSize(same.size())
                .allSatisfy(row -> assertThat(row.classifier()).isEqualTo(MODEL));

        workUnits.store(List.of(pullRequest(first, 3, "Fix the flaky importer test", AT)));
        classification.classifyPending(List.of(first));
        awaitIdle();
        assertThat(fake.callCount()).isEqualTo(calls + 1);
        assertThat(fake.calls().get(calls).units()).hasSize(1);
    }

    @Test
    @DisplayName("while Claude fails, units keep offline labels; they are sent again once it answers")
    void failureKeepsOfflineLabels(CapturedOutput output) {
        fake.failEveryRequest(500);
        long member = newMember();
        workUnits.store(List.of(
                pullRequest(member, 1, "Fix crash on empty channel", AT),
                pullRequest(member, 2, "Add CSV export", AT)));

        var outcome = classification.classifyPending(List.of(member));
        awaitIdle();

        assertThat(outcome.labelledByClaude()).isZero();
        assertThat(rows(member))
                .extracting(Row::category, Row::classifier)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bug_fix", "offline"),
                        org.assertj.core.groups.Tuple.tuple("feature", "offline"));
        assertThat(waits).isNotEmpty();

        fake.reset();
        classification.classifyPending(List.of(member));
        assertThat(rows(member))
                .hasSize(2)
                .allSatisfy(row -> assertThat(row.classifier()).isEqualTo(MODEL));
        assertThat(output.getAll()).contains("offline labels kept").doesNotContain(KEY);
    }

    @Test
    @DisplayName("messages seen only in the operator's channels are labelled offline and never sent")
    void channelRoleStaysOffline() {
        long member = newMember();
        workUnits.store(List.of(new WorkUnitDraft(
                member,
                "slack",
                UnitKind.DISCUSSION,
                "channel",
                "slack:T1:C1:1.1",
                AT,
                "Deployed 1.4",
                "Deployed 1.4",
                null,
                "eng",
                null)));

        classification.classifyPending(List.of(member));
        awaitIdle();

        assertThat(rows(member)).containsExactly(new Row("operational", "offline", "offline-v1", 0.7, true));
        assertThat(fake.callCount()).isZero();
    }
}
