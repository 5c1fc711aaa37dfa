package dev.worklens.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.demo.FakeApiServer;
import dev.worklens.demo.FakeSlackApi;
import dev.worklens.support.WorklensTest;
import dev.worklens.sync.SyncRange;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@WorklensTest
@DisplayName("Slack sync under injected faults")
class SlackFaultInjectionTest extends SlackSpringTest {

    static final SyncRange RANGE = new SyncRange(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"));

    List<String> snapshot() {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("SELECT team_id, channel_id, ts, thread_ts, user_id, bot_username, subtype, text,"
                        + " reply_count, latest_reply, replies_read_to, edited_ts, raw FROM slack_messages"
                        + " ORDER BY team_id, channel_id, ts")
                .query((rs, i) -> row(rs, 13))
                .list());
        rows.addAll(jdbc.sql("SELECT * FROM slack_mentions ORDER BY team_id, channel_id, ts, user_id")
                .query((rs, i) -> row(rs, 4))
                .list());
        rows.addAll(jdbc.sql("SELECT channel_id, covered_from, covered_to, newest_ts FROM slack_channel_cursors"
                        + " ORDER BY channel_id")
                .query((rs, i) -> row(rs, 4))
                .list());
        rows.addAll(jdbc.sql("SELECT member_id, source_key, kind, role, occurred_at, title, body, url, channel,"
                        + " content_hash FROM work_units ORDER BY member_id, source_key")
                .query((rs, i) -> row(rs, 10))
                .list());
        return rows;
    }

    static String row(java.sql.ResultSet rs, int columns) throws java.sql.SQLException {
        var b = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
            b.append(rs.getString(c)).append('|');
        }
        return b.toString();
    }

    void clearCollected() {
        for (String table : new String[] {
            "work_units",
            "slack_mentions",
            "slack_messages",
            "slack_channel_cursors",
            "slack_channels",
            "slack_users",
            "slack_usergroups"
        }) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    @Test
    @DisplayName("5xx, dropped connections and 429 bursts end with exactly the rows of a clean run")
    void sameRowsAsCleanRun() throws Exception {
        SlackTables.clear(jdbc);
        fake.clear();
        SlackTestSupport.CLOCK.set(Instant.parse("2026-11-20T12:00:00Z"));
        var workspace = new SyntheticWorkspace(12, 6, 150);
        workspace.build(fake, RANGE.start(), RANGE.endExclusive(), 42);
        fake.historyPageCap(40);
        fake.repliesPageCap(2);
        fake.usersPageCap(5);
        fake.listPageCap(2);
        Operator operator = operators.signedIn(
                new dev.worklens.team.Operators.SlackIdentity(
                        SyntheticWorkspace.userId(0), SyntheticWorkspace.name(0), "Person 0", null, "T1", "Acme"),
                FakeSlackApi.TOKEN,
                "channels:history");
        List<Member> members = new ArrayList<>(roster.members(operator.id()));
        for (int p = 1; p < 6; p++) {
            members.add(member(operator, SyntheticWorkspace.userId(p), SyntheticWorkspace.name(p), "Person " + p));
        }

        var clean = sync(operator, RANGE, members.toArray(Member[]::new));
        assertThat(clean.tasks())
                .hasSize(members.size())
                .allSatisfy(t -> assertThat(t.finished()).isFalse());
        List<String> expected = snapshot();
        long cleanCalls = fake.totalCalls();
        assertThat(expected).hasSizeGreaterThan(workspace.totalMessages);

        clearCollected();
        fake.resetCounts();
        fake.faultRate(0.15, 99); // 5% each: 5xx, dropped connections, 429
        fake.script(
                "conversations.history",
                FakeApiServer.Fault.RATE_LIMITED,
                FakeApiServer.Fault.RATE_LIMITED,
                FakeApiServer.Fault.RATE_LIMITED,
                FakeApiServer.Fault.RATE_LIMITED,
                FakeApiServer.Fault.RATE_LIMITED);
        long waitedBefore = SlackTestSupport.TIME.waitedMillis();
        var faulty = sync(operator, RANGE, members.toArray(Member[]::new));
        assertThat(faulty.tasks())
                .hasSize(members.size())
                .allSatisfy(t -> assertThat(t.finished()).as("task failed").isFalse());

        assertThat(snapshot()).containsExactlyElementsOf(expected);
        assertThat(fake.totalCalls()).isGreaterThan(cleanCalls);
        assertThat(SlackTestSupport.TIME.waitedMillis()).isGreaterThan(waitedBefore);
    }
}
