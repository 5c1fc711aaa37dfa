package dev.worklens.slack;

import static dev.worklens.slack.Workspace.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.demo.FakeSlackApi;
import dev.worklens.slack.ingest.Reextraction;
import dev.worklens.sync.SyncRange;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12's synthetic workspace: standups posted by hand in {@code team-daily}, Standuply-style
 * bot reposts in {@code checkins}, ordinary talk in {@code eng}. The report's counts are exact, and
 * re-extraction from the raw payloads is idempotent and equals a fresh sync.
 */
abstract class WrittenMessagesContract extends SlackSpringTest {

    static final SyncRange NOVEMBER = new SyncRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-20"));
    static final String DAILY = "C0DAILY";
    static final String CHECKINS = "C0CHECK";
    static final String ENG = "C0ENG";
    static final String ALICE_STANDUP =
            "*Yesterday*\n• billing API\n    ◦ retries\n*Today*\n• invoices export\n*Blockers*\nnone";

    @Autowired
    MockMvc mvc;

    @Autowired
    Reextraction reextraction;

    @Autowired
    dev.worklens.slack.ingest.SlackPreferences preferences;

    Operator operator;
    Member olivia;
    Member alice;
    Member bob;

    @BeforeEach
    void setUp() {
        SlackTables.clear(jdbc);
        jdbc.sql("DELETE FROM work_units").update();
        fake.clear();
        SlackTestSupport.CLOCK.set(Instant.parse("2026-11-20T12:00:00Z"));
        fake.user("U0OLIVIA", "olivia", "Olivia Op", "olivia@acme.test")
                .user("U0ALICE", "alice", "Alice Anders", "alice@acme.test")
                .user("U0BOB", "bob", "Bob Brown", "bob@acme.test")
                .botUser("U0BOT", "standuply");
        fake.channel(DAILY, "team-daily", false, true)
                .channel(CHECKINS, "checkins", false, true)
                .channel(ENG, "eng", false, true);

        String bobDaily = ts("2026-11-10T09:05:00Z");
        fake.post(DAILY, ts("2026-11-10T09:00:00Z")).user("U0ALICE").text(ALICE_STANDUP);
        fake.post(DAILY, bobDaily).user("U0BOB").text("Yesterday: UI");
        fake.post(DAILY, ts("2026-11-10T09:10:00Z"))
                .user("U0ALICE")
                .inThread(bobDaily)
                .text("pairing today");

        String repost = ts("2026-11-11T08:00:00Z");
        fake.post(CHECKINS, repost).bot("B0STANDUP", "Alice Anders").text("*Today*\n- review PRs");
        fake.post(CHECKINS, ts("2026-11-11T08:30:00Z"))
                .user("U0BOB")
                .inThread(repost)
                .text("done");
        fake.post(CHECKINS, ts("2026-11-11T08:40:00Z"))
                .user("U0ALICE")
                .inThread(repost)
                .text("thanks");

        String question = ts("2026-11-12T11:00:00Z");
        fake.post(ENG, ts("2026-11-12T10:00:00Z"))
                .user("U0ALICE")
                .text("deploy plan for <@U0BOB> :rocket:")
                .file("plan.pdf", "https://acme.slack.com/files/U0ALICE/F1/plan.pdf");
        fake.post(ENG, question).user("U0BOB").text("question for <@U0ALICE>");
        fake.post(ENG, ts("2026-11-12T11:05:00Z"))
                .user("U0ALICE")
                .inThread(question)
                .text("*answer*");

        operator = signedInOperator();
        olivia = roster.members(operator.id()).get(0);
        alice = member(operator, "U0ALICE", "alice", "Alice Anders");
        bob = member(operator, "U0BOB", "bob", "Bob Brown");
    }

    @Test
    @DisplayName("the report counts hand-posted standups and bot reposts as API.md defines, and shows the text")
    void reportCounts() throws Exception {
        sync(operator, NOVEMBER, olivia, alice, bob);

        mvc.perform(get("/api/reports/" + alice.id())
                        .param("from", "2026-11-01")
                        .param("to", "2026-11-20")
                        .header("X-Internal-Key", "test-internal-key-0123"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slack.standups").value(4))
                .andExpect(jsonPath("$.slack.authored").value(6))
                .andExpect(jsonPath("$.slack.thread_replies").value(3))
                .andExpect(jsonPath("$.slack.mentioned").value(1))
                .andExpect(jsonPath("$.slack.by_channel.team-daily").value(2))
                .andExpect(jsonPath("$.slack.by_channel.checkins").value(2))
                .andExpect(jsonPath("$.slack.by_channel.eng").value(2))
                .andExpect(jsonPath("$.standups.length()").value(4))
                .andExpect(jsonPath("$.standups[0].text").value("thanks"))
                .andExpect(jsonPath("$.standups[1].text").value("Today\n• review PRs"))
                .andExpect(jsonPath("$.standups[1].channel").value("checkins"))
                .andExpect(jsonPath("$.standups[3].text")
                        .value("Yesterday\n• billing API\n  • retries\nToday\n• invoices export\nBlockers\nnone"))
                .andExpect(jsonPath("$.activity[?(@.title == 'question for @alice')].author")
                        .value("bob"))
                .andExpect(jsonPath("$.activity[?(@.title == 'deploy plan for @bob 🚀')].author")
                        .value("alice"));

        mvc.perform(get("/api/reports/" + bob.id())
                        .param("from", "2026-11-01")
                        .param("to", "2026-11-20")
                        .header("X-Internal-Key", "test-internal-key-0123"))
                .andExpect(jsonPath("$.slack.standups").value(2))
                .andExpect(jsonPath("$.slack.authored").value(3))
                .andExpect(jsonPath("$.slack.thread_replies").value(1))
                .andExpect(jsonPath("$.slack.mentioned").value(1));
    }

    @Test
    @DisplayName("re-extraction from the stored raw payloads changes nothing twice over and equals a fresh sync")
    void reextraction() throws Exception {
        sync(operator, NOVEMBER, olivia, alice, bob);
        List<String> fresh = units();
        assertThat(fresh).isNotEmpty();

        jdbc.sql("DELETE FROM work_units").update();
        var first = reextraction.run();
        assertThat(units()).isEqualTo(fresh);
        assertThat(first.messages()).isEqualTo(9);

        reextraction.run();
        assertThat(units()).isEqualTo(fresh);
        assertThat(units()).anyMatch(u -> u.contains("plan.pdf\thttps://acme.slack.com/files/U0ALICE/F1/plan.pdf"));
    }

    @Test
    @DisplayName("re-extraction over months (converted a stretch of time at a time) equals a fresh sync, threads across"
            + " the stretches too")
    void reextractionOverMonths() throws Exception {
        String parent = ts("2026-07-20T10:00:00Z");
        fake.post(ENG, ts("2026-06-02T09:00:00Z")).user("U0BOB").text("early june <@U0ALICE>");
        fake.post(ENG, parent).user("U0ALICE").text("migration plan, thread below");
        fake.post(ENG, ts("2026-09-15T16:00:00Z"))
                .user("U0BOB")
                .inThread(parent)
                .text("reply two months later");
        fake.post(DAILY, ts("2026-08-31T23:59:59Z")).user("U0ALICE").text("*Today*\n• last of august");
        fake.post(DAILY, ts("2026-09-01T00:00:00Z")).user("U0BOB").text("*Today*\n• first of september");
        fake.post(ENG, ts("2026-10-30T12:00:00Z")).user("U0ALICE").text("october");
        sync(operator, new SyncRange(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-11-20")), olivia, alice, bob);
        List<String> fresh = units();
        assertThat(fresh).anyMatch(u -> u.contains("reply two months later"));
        assertThat(fresh).anyMatch(u -> u.contains("early june"));

        jdbc.sql("DELETE FROM work_units").update();
        var run = reextraction.run();

        assertThat(units()).isEqualTo(fresh);
        assertThat(run.messages()).isEqualTo(15);
    }

    @Test
    @DisplayName("re-extraction gives a second operator's roster units only from the channels that operator is in")
    void reextractionKeepsToTheOperatorsChannels() throws Exception {
        sync(operator, NOVEMBER, olivia, alice, bob);
        Operator second = operators.signedIn(
                new dev.worklens.team.Operators.SlackIdentity("U0SECOND", "sam", "Sam Second", null, "T1", "Acme"),
                FakeSlackApi.TOKEN,
                "channels:history");
        Member aliceToo = member(second, "U0ALICE", "alice", "Alice Anders");
        // Sam's last sync listed only #eng as a channel Sam is in
        jdbc.sql("INSERT INTO slack_operator_channels (operator_id, team_id, channel_id) VALUES (?, 'T1', ?)")
                .params(second.id(), ENG)
                .update();

        reextraction.run();

        assertThat(jdbc.sql("SELECT DISTINCT channel FROM work_units WHERE member_id = ?")
                        .param(aliceToo.id())
                        .query(String.class)
                        .list())
                .containsExactly("eng");
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT channel) FROM work_units WHERE member_id = ?")
                        .param(alice.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    @DisplayName("after its standup pattern is removed, re-extraction clears a channel's standup flag and kind")
    void reextractionClearsARemovedStandupPattern() throws Exception {
        sync(operator, NOVEMBER, olivia, alice, bob);
        assertThat(standupFlag(DAILY)).isTrue();

        preferences.saveStandupPatterns(
                operator.id(), dev.worklens.slack.ingest.ChannelPatterns.parse("*standup*, *scrum*"));
        reextraction.run();

        assertThat(standupFlag(DAILY)).isFalse();
        assertThat(standupFlag(CHECKINS))
                .as("bot reposts still make #checkins one")
                .isTrue();
        assertThat(jdbc.sql("SELECT DISTINCT kind FROM work_units WHERE member_id = ? AND channel = 'team-daily'")
                        .param(alice.id())
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("discussion", "thread_reply");
    }

    @Test
    @DisplayName("re-extraction writes the labels classification gives new text and keeps the labels of unchanged text")
    void reextractionLabels() throws Exception {
        sync(operator, NOVEMBER, olivia, alice, bob);
        List<String> labelled = labels();
        assertThat(labelled).isNotEmpty().allMatch(l -> l.endsWith("| offline | offline-v1 | true"));
        // a label Claude gave a text that re-extraction derives the same again
        String kept = jdbc.sql("SELECT source_key FROM work_units WHERE member_id = ? AND title = 'pairing today'")
                .param(alice.id())
                .query(String.class)
                .single();
        jdbc.sql("UPDATE work_units SET category = 'mentorship', classifier = 'claude-test', prompt_version = 'v9'"
                        + " WHERE member_id = ? AND source_key = ?")
                .params(alice.id(), kept)
                .update();

        reextraction.run();
        assertThat(labels())
                .contains(alice.id() + " | " + kept + " | mentorship | claude-test | v9 | true")
                .hasSize(labelled.size());

        jdbc.sql("DELETE FROM work_units").update();
        reextraction.run();
        assertThat(labels()).isEqualTo(labelled);
    }

    /** Every unit's label, and whether it is the label of the unit's current text. */
    List<String> labels() {
        return jdbc.sql("SELECT member_id, source_key, category, classifier, prompt_version,"
                        + " classified_hash = content_hash AS current FROM work_units ORDER BY member_id, source_key")
                .query((rs, i) -> rs.getLong(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | "
                        + rs.getString(4) + " | " + rs.getString(5) + " | " + rs.getBoolean(6))
                .list();
    }

    boolean standupFlag(String channelId) {
        return jdbc.sql("SELECT is_standup FROM slack_channels WHERE channel_id = ?")
                .param(channelId)
                .query(Boolean.class)
                .single();
    }

    /** Every stored unit's derived fields, in a stable order. */
    List<String> units() {
        return jdbc.sql("SELECT member_id, source_key, kind, role, occurred_at, title, body, url, channel, author,"
                        + " thread_reply, parent_title, files FROM work_units ORDER BY member_id, source_key")
                .query((rs, i) -> {
                    var row = new StringBuilder();
                    for (int c = 1; c <= 13; c++) {
                        row.append(
                                        c == 5
                                                ? String.valueOf(rs.getObject(c, java.time.OffsetDateTime.class)
                                                        .toInstant())
                                                : rs.getString(c))
                                .append(" | ");
                    }
                    return row.toString();
                })
                .list();
    }
}
