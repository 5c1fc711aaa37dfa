package dev.worklens.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.slack.ingest.Reextraction;
import dev.worklens.support.ApiClient;
import dev.worklens.support.WorklensTest;
import dev.worklens.sync.SyncRange;
import dev.worklens.system.security.OperatorPrincipal;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Per-member Slack cleanup against the fake Slack: which channels a member left is read with
 * {@code conversations.members}, page by page; the preview counts per channel name and deletes
 * nothing; confirming deletes exactly that member's units there and the rows that mention them.
 */
@WorklensTest
@DisplayName("Per-member Slack cleanup")
class MemberSlackCleanupTest extends SlackSpringTest {

    static final SyncRange NOVEMBER = new SyncRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-20"));

    @Autowired
    MockMvc mvc;

    @Autowired
    Reextraction reextraction;

    ApiClient api;
    Operator operator;
    Member olivia;
    Member alice;

    @BeforeEach
    void setUp() throws Exception {
        SlackTables.clear(jdbc);
        fake.clear();
        Workspace.build(fake);
        SlackTestSupport.CLOCK.set(Instant.parse("2026-11-20T12:00:00Z"));
        api = new ApiClient(mvc);
        operator = signedInOperator();
        olivia = roster.members(operator.id()).get(0);
        alice = member(operator, "U0ALICE", "alice", "Alice Anders");
        sync(operator, NOVEMBER, olivia, alice);
        // Alice is still in every channel she has data in, except #daily-standup, which she left
        for (String channel : aliceChannels()) {
            fake.channelMembers(channel, "U0OLIVIA", "U0BOB", "U0CAROL", "U0ALICE", "U0DAVE");
        }
        fake.channelMembers(Workspace.STANDUP, "U0OLIVIA", "U0BOB", "U0CAROL");
        fake.membersPageCap(2);
        fake.resetCounts();
    }

    List<String> aliceChannels() {
        return jdbc
                .sql("SELECT DISTINCT source_key FROM work_units WHERE member_id = ? AND source = 'slack'")
                .param(alice.id())
                .query(String.class)
                .list()
                .stream()
                .map(k -> k.split(":")[2])
                .distinct()
                .toList();
    }

    long units(Member m, String channel) {
        return jdbc.sql("SELECT COUNT(*) FROM work_units WHERE member_id = ? AND source_key LIKE ?")
                .params(m.id(), "slack:T1:" + channel + ":%")
                .query(Long.class)
                .single();
    }

    long units(Member m) {
        return jdbc.sql("SELECT COUNT(*) FROM work_units WHERE member_id = ?")
                .param(m.id())
                .query(Long.class)
                .single();
    }

    long leftChannelRecords(Member m) {
        return jdbc.sql("SELECT COUNT(*) FROM slack_left_channels WHERE member_id = ?")
                .param(m.id())
                .query(Long.class)
                .single();
    }

    long mentionsOfAlice(String channel) {
        return jdbc.sql("SELECT COUNT(*) FROM slack_mentions WHERE user_id = 'U0ALICE' AND channel_id = ?")
                .param(channel)
                .query(Long.class)
                .single();
    }

    RequestPostProcessor asOperator() {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                new OperatorPrincipal(operator.id(), operator.slackUserId(), operator.name()),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
    }

    String body(String what, boolean dryRun) {
        return "{\"operator\":\"U0OLIVIA\",\"member_id\":" + alice.id() + ",\"what\":\"" + what + "\",\"dry_run\":"
                + dryRun + "}";
    }

    @Test
    @DisplayName("removing Alice from the roster forgets the channels she left; her data stays until a cleanup")
    void removalForgetsLeftChannels() throws Exception {
        api.post("/api/cleanup/member", body("left_channels", false)).andExpect(status().isOk());
        assertThat(leftChannelRecords(alice)).isEqualTo(1);
        long kept = units(alice);

        roster.remove(alice);

        await().atMost(Duration.ofSeconds(30)).until(() -> leftChannelRecords(alice) == 0);
        assertThat(units(alice)).isEqualTo(kept);
    }

    @Test
    @DisplayName(
            "what the cleanup removed stays out after a new sync and a re-extraction; what Alice writes after rejoining counts")
    void staysRemoved() throws Exception {
        long standupUnits = units(alice, Workspace.STANDUP);
        long elsewhere = units(alice) - standupUnits;
        long oliviaStandup = units(olivia, Workspace.STANDUP);

        api.post("/api/cleanup/member", body("left_channels", false))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.work_units").value(standupUnits))
                .andExpect(jsonPath("$.notes[0]").value(containsString("Later syncs will not give alice")));

        sync(operator, NOVEMBER, olivia, alice);
        assertThat(units(alice, Workspace.STANDUP)).isZero();
        assertThat(units(alice)).isEqualTo(elsewhere);
        assertThat(units(olivia, Workspace.STANDUP)).isEqualTo(oliviaStandup);

        reextraction.run();
        assertThat(units(alice, Workspace.STANDUP)).isZero();
        assertThat(units(alice)).isEqualTo(elsewhere);
        assertThat(units(olivia, Workspace.STANDUP)).isEqualTo(oliviaStandup);

        // she rejoins and writes again: that message is hers
        fake.post(Workspace.STANDUP, Workspace.ts("2026-11-24T09:00:00Z"))
                .user("U0ALICE")
                .text("back in the team");
        SlackTestSupport.CLOCK.set(Instant.parse("2026-11-25T12:00:00Z"));
        sync(operator, new SyncRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-25")), olivia, alice);
        assertThat(units(alice, Workspace.STANDUP)).isEqualTo(1);
        assertThat(units(alice)).isEqualTo(elsewhere + 1);
    }

    @Test
    @DisplayName("the preview names the channel Alice left with her counts, reads every page, and deletes nothing")
    void previewLeftChannels() throws Exception {
        long standupUnits = units(alice, Workspace.STANDUP);
        assertThat(standupUnits).as("Alice has standups to clean up").isPositive();
        long aliceUnits = units(alice);
        long messages = count("slack_messages");

        api.post("/api/cleanup/member", body("left_channels", true))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dry_run").value(true))
                .andExpect(jsonPath("$.what").value("left_channels"))
                .andExpect(jsonPath("$.source").value("slack"))
                .andExpect(jsonPath("$.member.display_name").value("alice"))
                .andExpect(jsonPath("$.channels.length()").value(1))
                .andExpect(jsonPath("$.channels[0].name").value("#daily-standup"))
                .andExpect(jsonPath("$.channels[0].work_units").value(standupUnits))
                .andExpect(jsonPath("$.channels[0].stored_rows").value(mentionsOfAlice(Workspace.STANDUP)))
                .andExpect(jsonPath("$.work_units").value(standupUnits))
                .andExpect(jsonPath("$.logins").doesNotExist());

        assertThat(units(alice)).isEqualTo(aliceUnits);
        assertThat(count("slack_messages")).isEqualTo(messages);
        // #daily-standup: two pages of two ids, read to the empty cursor; every other channel: Alice
        // is fourth, on the second page, where the reading stops
        assertThat(fake.calls("conversations.members"))
                .isEqualTo(2L * aliceChannels().size());
    }

    @Test
    @DisplayName("confirming deletes Alice's units from that channel only; Olivia's units and the messages stay")
    void confirmDeletesExactly() throws Exception {
        long standupUnits = units(alice, Workspace.STANDUP);
        long aliceUnits = units(alice);
        long oliviaUnits = units(olivia);
        long messages = count("slack_messages");
        long mentions = count("slack_mentions");
        long standupMentions = mentionsOfAlice(Workspace.STANDUP);

        mvc.perform(get("/sync/cleanup/member")
                        .param("member", String.valueOf(alice.id()))
                        .param("what", "left_channels")
                        .with(asOperator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("#daily-standup")))
                .andExpect(content().string(containsString("Delete this data")));
        assertThat(units(alice)).isEqualTo(aliceUnits);

        mvc.perform(post("/sync/cleanup/member")
                        .param("member", String.valueOf(alice.id()))
                        .param("what", "left_channels")
                        .with(asOperator())
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "flash",
                                "Deleted " + standupUnits + " work units and " + standupMentions
                                        + " stored Slack rows of alice (#daily-standup: " + standupUnits + ")."));
        assertThat(units(alice, Workspace.STANDUP)).isZero();
        assertThat(units(alice)).isEqualTo(aliceUnits - standupUnits);
        assertThat(units(olivia)).isEqualTo(oliviaUnits);
        assertThat(count("slack_messages")).isEqualTo(messages);
        assertThat(count("slack_mentions")).isEqualTo(mentions - standupMentions);

        api.post("/api/cleanup/member", body("left_channels", false))
                .andExpect(jsonPath("$.dry_run").value(false))
                .andExpect(jsonPath("$.work_units").value(0));
    }

    @Test
    @DisplayName("a 429 on conversations.members is waited out as Retry-After says, then the preview goes on")
    void rateLimited() throws Exception {
        fake.retryAfterSeconds(7);
        fake.script("conversations.members", dev.worklens.demo.FakeApiServer.Fault.RATE_LIMITED);
        long before = SlackTestSupport.TIME.waitedMillis();
        api.post("/api/cleanup/member", body("left_channels", true))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channels[0].name").value("#daily-standup"));
        assertThat(SlackTestSupport.TIME.waitedMillis() - before).isGreaterThanOrEqualTo(7_000);
        assertThat(fake.calls("conversations.members"))
                .isEqualTo(2L * aliceChannels().size() + 1);
    }

    @Test
    @DisplayName("a channel Slack no longer finds is named and left alone; a missing scope deletes nothing")
    void slackRefuses() throws Exception {
        fake.channelError(Workspace.STANDUP, "channel_not_found");
        api.post("/api/cleanup/member", body("left_channels", false))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channels.length()").value(0))
                .andExpect(jsonPath("$.notes[0]").value(containsString("#daily-standup was not checked")))
                .andExpect(jsonPath("$.notes[0]").value(containsString("channel_not_found")));
        assertThat(units(alice, Workspace.STANDUP)).isPositive();

        long aliceUnits = units(alice);
        fake.methodError("conversations.members", "missing_scope");
        api.post("/api/cleanup/member", body("left_channels", false))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("slack_missing_scope"));
        assertThat(units(alice)).isEqualTo(aliceUnits);
        mvc.perform(get("/sync/cleanup/member")
                        .param("member", String.valueOf(alice.id()))
                        .param("what", "left_channels")
                        .with(asOperator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing was deleted")));
    }

    @Test
    @DisplayName("purging all of Alice's Slack data removes her units and mentions of her, without a Slack call")
    void purgeAllSlack() throws Exception {
        long aliceUnits = units(alice);
        long oliviaUnits = units(olivia);
        long messages = count("slack_messages");
        long aliceMentions = jdbc.sql("SELECT COUNT(*) FROM slack_mentions WHERE user_id = 'U0ALICE'")
                .query(Long.class)
                .single();
        api.post("/api/cleanup/member", body("all_slack", true))
                .andExpect(jsonPath("$.work_units").value(aliceUnits))
                .andExpect(jsonPath("$.stored_rows").value(aliceMentions))
                .andExpect(jsonPath("$.channels[*].name").value(org.hamcrest.Matchers.hasItem("#general")));
        assertThat(units(alice)).isEqualTo(aliceUnits);
        api.post("/api/cleanup/member", body("all_slack", false))
                .andExpect(jsonPath("$.work_units").value(aliceUnits));
        assertThat(units(alice)).isZero();
        assertThat(units(olivia)).isEqualTo(oliviaUnits);
        assertThat(count("slack_messages")).isEqualTo(messages);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM slack_mentions WHERE user_id = 'U0ALICE'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(fake.calls("conversations.members")).isZero();
    }

    @Test
    @DisplayName("bad requests say what to send; another operator's member is 404")
    void refusals() throws Exception {
        api.post("/api/cleanup/member", "{\"member_id\":" + alice.id() + ",\"what\":\"everything\",\"dry_run\":true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("left_channels")));
        api.post("/api/cleanup/member", "{\"member_id\":" + alice.id() + ",\"what\":\"all_slack\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("dry_run")));
        Operator other = operators.signedIn(
                new dev.worklens.team.Operators.SlackIdentity("U0OTHER", "other", "Other Op", null, "T1", "Acme"),
                dev.worklens.demo.FakeSlackApi.TOKEN,
                "channels:history");
        Member theirs = member(other, "U0BOB", "bob", "Bob Brown");
        api.post(
                        "/api/cleanup/member",
                        "{\"operator\":\"U0OLIVIA\",\"member_id\":" + theirs.id()
                                + ",\"what\":\"all_slack\",\"dry_run\":true}")
                .andExpect(status().isNotFound());
        mvc.perform(get("/sync/cleanup/member")
                        .param("member", String.valueOf(theirs.id()))
                        .param("what", "all_slack")
                        .with(asOperator()))
                .andExpect(status().isNotFound());
    }
}
