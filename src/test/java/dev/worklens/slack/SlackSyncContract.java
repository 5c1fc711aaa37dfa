package dev.worklens.slack;

import static dev.worklens.slack.Workspace.GENERAL;
import static dev.worklens.slack.Workspace.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklens.demo.FakeSlackApi;
import dev.worklens.sync.SyncCancelledException;
import dev.worklens.sync.SyncRange;
import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Slack source end to end against the fake Slack; run on H2 and on PostgreSQL. */
abstract class SlackSyncContract extends SlackSpringTest {

    static final SyncRange NOVEMBER = new SyncRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-20"));

    @Autowired
    dev.worklens.slack.ingest.SlackPreferences preferences;

    Operator operator;
    Member olivia;
    Member alice;
    Member bob;

    @BeforeEach
    void setUp() {
        SlackTables.clear(jdbc);
        fake.clear();
        SlackTestSupport.CLOCK.set(Instant.parse("2026-11-20T12:00:00Z"));
        Workspace.build(fake);
        fake.listPageCap(2);
        fake.usersPageCap(3);
        fake.historyPageCap(2);
        fake.repliesPageCap(2);
        operator = operators.signedIn(
                new Operators.SlackIdentity("U0OLIVIA", "olivia", "Olivia Op", null, "T1", "Acme"),
                FakeSlackApi.TOKEN,
                "channels:history");
        olivia = roster.members(operator.id()).get(0);
        alice = roster.add(operator.id(), new MemberFields("U0ALICE", "alice", "Alice Anders", null, null))
                .member();
        bob = roster.add(operator.id(), new MemberFields("U0BOB", "bob", "Bob Brown", null, null))
                .member();
        preferences.saveTeamUrl(operator.id(), "https://acme.slack.com/");
    }

    TestSourceRun sync(SyncRange range, Member... members) throws Exception {
        var run = new TestSourceRun(operators.find(operator.id()).orElseThrow(), range, List.of(members));
        slack().run(run);
        return run;
    }

    Map<String, Integer> units(Member member) {
        Map<String, Integer> out = new TreeMap<>();
        jdbc.sql("SELECT kind, role, COUNT(*) AS n FROM work_units WHERE member_id = ? GROUP BY kind, role")
                .param(member.id())
                .query(rs -> {
                    out.put(rs.getString("kind") + "/" + rs.getString("role"), rs.getInt("n"));
                });
        return out;
    }

    @Test
    @DisplayName("attributes every message to every member in one pass, with exact counts")
    void attribution() throws Exception {
        var run = sync(NOVEMBER, olivia, alice, bob);

        assertThat(units(alice))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "discussion/authored", 2,
                        "thread_reply/authored", 2,
                        "standup/authored", 2,
                        "thread_reply/mentioned", 1));
        assertThat(units(bob))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "discussion/authored", 2,
                        "thread_reply/authored", 1,
                        "standup/authored", 2,
                        "discussion/mentioned", 1));
        assertThat(units(olivia))
                .containsExactlyInAnyOrderEntriesOf(Map.of("discussion/channel", 7, "thread_reply/channel", 6));

        var aliceTask = run.task(alice);
        assertThat(aliceTask.total).isEqualTo(4); // general, daily-standup, secret, gone
        assertThat(aliceTask.done).isEqualTo(4);
        assertThat(aliceTask.items).isEqualTo(7);
        assertThat(run.task(bob).items).isEqualTo(6);
        assertThat(run.task(olivia).items).isEqualTo(13);
        assertThat(aliceTask.failure).isNull();
    }

    @Test
    @DisplayName("every sync stores the members' Slack time zones from users.list; a zone set by hand stays")
    void timeZones() throws Exception {
        fake.timeZone("U0ALICE", "Pacific/Kiritimati").timeZone("U0BOB", "Pacific/Honolulu");
        roster.setTimeZone(bob, "Europe/Berlin");
        sync(NOVEMBER, alice, bob);
        assertThat(roster.find(alice.id()).orElseThrow().tz()).isEqualTo("Pacific/Kiritimati");
        assertThat(roster.find(bob.id()).orElseThrow().tz()).isEqualTo("Europe/Berlin");

        fake.timeZone("U0ALICE", "America/New_York");
        roster.setTimeZone(roster.find(bob.id()).orElseThrow(), null);
        sync(NOVEMBER, alice, bob);
        assertThat(roster.find(alice.id()).orElseThrow().tz()).isEqualTo("America/New_York");
        assertThat(roster.find(bob.id()).orElseThrow().tz()).isEqualTo("Pacific/Honolulu");
    }

    @Test
    @DisplayName("reads each channel once: list pages, history to an empty cursor, replies for threads in range")
    void callCounts() throws Exception {
        sync(NOVEMBER, olivia, alice, bob);
        assertThat(fake.calls("conversations.list")).isEqualTo(3);
        assertThat(fake.calls("users.list")).isEqualTo(3);
        assertThat(fake.calls("usergroups.list")).isEqualTo(1);
        assertThat(fake.calls("conversations.history")).isEqualTo(4 + 2 + 1 + 1);
        assertThat(fake.calls("conversations.replies")).isEqualTo(6);
        assertThat(fake.historyRequests())
                .noneMatch(r -> r.startsWith(Workspace.NIMBLE) || r.startsWith(Workspace.RANDOM));
    }

    @Test
    @DisplayName("the number of Slack calls does not depend on how many members are synced")
    void callsIndependentOfTeamSize() throws Exception {
        sync(NOVEMBER, alice);
        long one = fake.totalCalls();
        SlackTables.clear(jdbc);
        setUpAgain();
        sync(NOVEMBER, olivia, alice, bob);
        assertThat(fake.totalCalls()).isEqualTo(one);
    }

    private void setUpAgain() {
        fake.resetCounts();
        operator = operators.signedIn(
                new Operators.SlackIdentity("U0OLIVIA", "olivia", "Olivia Op", null, "T1", "Acme"),
                FakeSlackApi.TOKEN,
                "channels:history");
        olivia = roster.members(operator.id()).get(0);
        alice = roster.add(operator.id(), new MemberFields("U0ALICE", "alice", "Alice Anders", null, null))
                .member();
        bob = roster.add(operator.id(), new MemberFields("U0BOB", "bob", "Bob Brown", null, null))
                .member();
    }

    @Test
    @DisplayName("stores messages raw and extracted, once per (team, channel, ts), with mentions, edits and usergroups")
    void storage() throws Exception {
        sync(NOVEMBER, olivia, alice, bob);
        long messages = count("slack_messages");
        // general: 11 in the window (the ancient thread is outside it), standup 5, secret 1
        assertThat(messages).isEqualTo(11 + 5 + 1);
        String broadcast = ts("2026-11-12T11:00:00Z");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM slack_messages WHERE ts = ?")
                        .param(broadcast)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        var edited = jdbc.sql("SELECT edited_ts, raw FROM slack_messages WHERE channel_id = ? AND ts = ?")
                .params(GENERAL, ts("2026-11-15T09:00:00Z"))
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        assertThat(edited[0]).isEqualTo(ts("2026-11-15T10:00:00Z"));
        assertThat(edited[1]).contains("\"edited\"");
        assertThat(jdbc.sql("SELECT user_id FROM slack_mentions ORDER BY user_id")
                        .query(String.class)
                        .list())
                .containsExactly("U0ALICE", "U0BOB", "U0CAROL");
        var title = jdbc.sql("SELECT title FROM work_units WHERE member_id = ? AND source_key = ?")
                .params(alice.id(), "slack:T1:" + GENERAL + ":" + ts("2026-11-15T09:00:00Z"))
                .query(String.class)
                .single();
        assertThat(title).isEqualTo("@backend deploy & check");
        var hello = jdbc.sql("SELECT title, url, channel FROM work_units WHERE member_id = ? AND source_key = ?")
                .params(bob.id(), "slack:T1:" + GENERAL + ":" + ts("2026-11-10T09:00:00Z"))
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        assertThat(hello)
                .containsExactly(
                        "hello @bob",
                        "https://acme.slack.com/archives/" + GENERAL + "/p"
                                + ts("2026-11-10T09:00:00Z").replace(".", ""),
                        "general");
        assertThat(jdbc.sql("SELECT is_standup FROM slack_channels WHERE channel_id = ?")
                        .param(Workspace.STANDUP)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("SELECT is_standup FROM slack_channels WHERE channel_id = ?")
                        .param(GENERAL)
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    @DisplayName("a repeat sync reads only what is new, and stores nothing twice")
    void repeatSync() throws Exception {
        sync(NOVEMBER, olivia, alice, bob);
        long messages = count("slack_messages");
        long units = count("work_units");
        fake.resetCounts();

        sync(NOVEMBER, olivia, alice, bob);
        // per channel one history run over the look-back before the cursor and the part after it
        // (late replies show only on their parents); no thread moved, so no replies call
        assertThat(historyWindows()).containsOnly(recheckWindow());
        assertThat(fake.calls("conversations.replies")).isZero();
        assertThat(count("slack_messages")).isEqualTo(messages);
        assertThat(count("work_units")).isEqualTo(units);
    }

    @Test
    @DisplayName("a later sync picks up new messages and threads whose latest reply moved")
    void incremental() throws Exception {
        sync(NOVEMBER, olivia, alice, bob);
        String g2 = ts("2026-11-11T09:00:00Z");
        fake.post(GENERAL, ts("2026-11-20T14:00:00Z"))
                .user("U0ALICE")
                .inThread(g2)
                .text("one more thing");
        fake.post(GENERAL, ts("2026-11-20T15:00:00Z"))
                .user("U0BOB")
                .broadcast(g2)
                .text("final decision");
        fake.post(GENERAL, ts("2026-11-20T16:00:00Z")).user("U0ALICE").text("new topic");
        SlackTestSupport.CLOCK.set(Instant.parse("2026-11-20T18:00:00Z"));
        fake.resetCounts();

        sync(NOVEMBER, olivia, alice, bob);
        assertThat(historyWindows()).containsOnly(ts("2026-11-06T12:00:00Z") + " " + ts("2026-11-21T00:00:00Z"));
        // the broadcast reply showed the thread moved: only it is read, only its new replies (2 short pages)
        assertThat(fake.calls("conversations.replies")).isEqualTo(2);
        assertThat(units(alice)).containsEntry("thread_reply/authored", 3).containsEntry("discussion/authored", 3);
        assertThat(units(bob)).containsEntry("thread_reply/authored", 2);
    }

    @Test
    @DisplayName("a later sync finds a late reply to a thread it read before, with no broadcast")
    void lateReply() throws Exception {
        sync(NOVEMBER, olivia, alice, bob);
        int before = units(bob).getOrDefault("thread_reply/authored", 0);
        fake.post(GENERAL, ts("2026-11-20T14:00:00Z"))
                .user("U0BOB")
                .inThread(ts("2026-11-11T09:00:00Z"))
                .text("late thought");
        SlackTestSupport.CLOCK.set(Instant.parse("2026-11-20T18:00:00Z"));
        fake.resetCounts();

        sync(NOVEMBER, olivia, alice, bob);
        assertThat(units(bob)).containsEntry("thread_reply/authored", before + 1);
        assertThat(fake.calls("conversations.replies")).isPositive();
    }

    /** The repeat window: the thread look-back before the covered end (the clock), up to the range end. */
    private static String recheckWindow() {
        return ts("2026-11-06T12:00:00Z") + " " + ts("2026-11-21T00:00:00Z");
    }

    /** "oldest latest" of each history call, leaving out the channel Slack cannot find. */
    private List<String> historyWindows() {
        return fake.historyRequests().stream()
                .filter(r -> !r.startsWith(Workspace.GONE))
                .map(r -> r.substring(r.indexOf(' ') + 1))
                .toList();
    }

    @Test
    @DisplayName("a wider range reads only the part not covered yet")
    void widerRange() throws Exception {
        sync(NOVEMBER, olivia, alice, bob);
        fake.resetCounts();
        sync(new SyncRange(LocalDate.parse("2026-10-20"), LocalDate.parse("2026-11-20")), olivia, alice, bob);
        String lower = ts("2026-10-06T00:00:00Z") + " " + ts("2026-10-18T00:00:00Z");
        var requests = historyWindows();
        // per channel: the part before the covered range, and the part after it with the thread
        // look-back before it (where late replies show on their parents); nothing else
        assertThat(requests).containsOnly(lower, recheckWindow()).contains(lower, recheckWindow());
        assertThat(requests.stream().filter(lower::equals)).hasSize(3);
        // the thread begun on Oct 25 is now in range: its Oct 26 reply counts for bob
        assertThat(units(bob)).containsEntry("thread_reply/authored", 2);
    }

    @Test
    @DisplayName("skips a channel Slack cannot find, with a note, and goes on")
    void channelNotFound() throws Exception {
        var run = sync(NOVEMBER, alice);
        assertThat(run.task(alice).failure).isNull();
        assertThat(jdbc.sql("SELECT setting_value FROM app_settings WHERE name = 'slack.last_sync_notes'")
                        .query(String.class)
                        .single())
                .contains("#gone skipped")
                .contains("channel_not_found");
    }

    @Test
    @DisplayName("a revoked token fails every task with words and marks the token revoked")
    void revokedToken() throws Exception {
        fake.validCode("good-code", "xoxp-another-token"); // Slack no longer accepts the stored token
        var run = sync(NOVEMBER, olivia, alice);
        assertThat(run.task(alice).failure).contains("Sign in with Slack again");
        assertThat(run.task(olivia).failure).contains("Sign in with Slack again");
        assertThat(operators.find(operator.id()).orElseThrow().tokenRevoked()).isTrue();
    }

    @Test
    @DisplayName("a missing scope fails the tasks naming the scope")
    void missingScope() throws Exception {
        fake.methodError("conversations.history", "missing_scope");
        var run = sync(NOVEMBER, alice);
        assertThat(run.task(alice).failure).contains("'channels:history'");
    }

    @Test
    @DisplayName("a cancel stops the run between pages; what was stored stays")
    void cancel() throws Exception {
        var run = new TestSourceRun(operators.find(operator.id()).orElseThrow(), NOVEMBER, List.of(alice));
        run.cancelAfterChecks.set(12);
        assertThatThrownBy(() -> slack().run(run)).isInstanceOf(SyncCancelledException.class);
        assertThat(count("slack_messages")).isPositive();
        fake.resetCounts();
        var again = sync(NOVEMBER, alice);
        assertThat(again.task(alice).items).isEqualTo(7);
    }
}
