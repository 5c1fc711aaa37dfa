package dev.worklens.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.report.core.ActivityNumbers;
import dev.worklens.report.core.ReportBuilder;
import dev.worklens.report.core.ReportPeriod;
import dev.worklens.support.WorklensTest;
import dev.worklens.sync.SyncRange;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DevLake's end-to-end shape for Slack: the fake serves the shared test workspace as Slack's
 * documented JSON, and the test follows one member through each stored layer — the messages kept
 * with their raw payloads, the source-neutral work units, and the report's Slack numbers.
 */
@WorklensTest
@DisplayName("Slack from fixture JSON to report numbers")
class SlackPipelineTest extends SlackSpringTest {

    static final SyncRange NOVEMBER = new SyncRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-20"));

    @Autowired
    ReportBuilder reports;

    @Test
    @DisplayName("the workspace's messages become raw rows, Alice's units, and her report's Slack counts")
    void fixtureToReport() throws Exception {
        SlackTables.clear(jdbc);
        fake.clear();
        SlackTestSupport.CLOCK.set(Instant.parse("2026-11-20T12:00:00Z"));
        Workspace.build(fake);
        Operator operator = signedInOperator();
        Member alice = member(operator, "U0ALICE", "alice", "Alice Anders");

        sync(operator, NOVEMBER, alice);

        // Slack's own rows, each kept with the payload Slack sent
        long stored = count("slack_messages");
        assertThat(stored).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM slack_messages WHERE raw IS NULL OR raw = ''")
                        .query(Long.class)
                        .single())
                .isZero();

        // the source-neutral work units
        assertThat(units(alice, "discussion", "authored")).isEqualTo(2);
        assertThat(units(alice, "thread_reply", "authored")).isEqualTo(2);
        assertThat(units(alice, "standup", "authored")).isEqualTo(2);
        assertThat(units(alice, "thread_reply", "mentioned")).isEqualTo(1);

        // the report's numbers
        ActivityNumbers.Slack numbers = reports.build(
                        alice, new ReportPeriod(NOVEMBER.from(), NOVEMBER.to(), ZoneOffset.UTC))
                .numbers()
                .slack();
        assertThat(numbers.standups()).isEqualTo(2);
        assertThat(numbers.threadReplies()).isEqualTo(2);
        assertThat(numbers.mentioned()).isEqualTo(1);
        assertThat(numbers.authored()).isEqualTo(2 + 2); // discussions and thread replies; standups apart
    }

    long units(Member member, String kind, String role) {
        return jdbc.sql("SELECT COUNT(*) FROM work_units WHERE member_id = ? AND kind = ? AND role = ?")
                .params(member.id(), kind, role)
                .query(Long.class)
                .single();
    }
}
