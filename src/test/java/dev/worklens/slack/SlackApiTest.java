package dev.worklens.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.slack.ingest.ChannelPatterns;
import dev.worklens.slack.ingest.SlackPreferences;
import dev.worklens.support.ApiClient;
import dev.worklens.support.WorklensTest;
import dev.worklens.sync.SyncPagePanel;
import dev.worklens.sync.SyncRange;
import dev.worklens.system.security.OperatorPrincipal;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.thymeleaf.ITemplateEngine;

@WorklensTest
@DisplayName("Slack people, cleanup and the Sync page panel")
class SlackApiTest extends SlackSpringTest {

    static final SyncRange NOVEMBER = new SyncRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-20"));

    @Autowired
    MockMvc mvc;

    @Autowired
    SlackPreferences preferences;

    @Autowired
    List<SyncPagePanel> panels;

    @Autowired
    ITemplateEngine templates;

    ApiClient api;
    Operator operator;

    @BeforeEach
    void setUp() {
        SlackTables.clear(jdbc);
        fake.clear();
        Workspace.build(fake);
        SlackTestSupport.CLOCK.set(Instant.parse("2026-11-20T12:00:00Z"));
        api = new ApiClient(mvc);
        operator = signedInOperator();
    }

    RequestPostProcessor as(Operator op) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                new OperatorPrincipal(op.id(), op.slackUserId(), op.name()),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
    }

    @Nested
    @DisplayName("GET /api/slack/users")
    class Users {
        @Test
        @DisplayName("lists the workspace's people to the last page, without bots, deactivated users or Slackbot")
        void lists() throws Exception {
            fake.usersPageCap(2);
            api.get("/api/slack/users")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(4))
                    .andExpect(jsonPath("$[0].slack_user_id").value("U0OLIVIA"))
                    .andExpect(jsonPath("$[1].display_name").value("alice"))
                    .andExpect(jsonPath("$[1].real_name").value("Alice Anders"))
                    .andExpect(jsonPath("$[1].email").value("alice@acme.test"))
                    .andExpect(jsonPath("$[?(@.slack_user_id == 'USLACKBOT')]").isEmpty())
                    .andExpect(jsonPath("$[?(@.slack_user_id == 'U0BOT')]").isEmpty())
                    .andExpect(jsonPath("$[?(@.slack_user_id == 'U0GONE')]").isEmpty());
            assertThat(fake.calls("users.list")).isEqualTo(4);
        }

        @Test
        @DisplayName("a revoked token is a 409 that asks to sign in again, and marks the token revoked")
        void revoked() throws Exception {
            fake.validCode("x", "xoxp-other");
            api.get("/api/slack/users?operator=U0OLIVIA")
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.error").value("slack_sign_in_again"))
                    .andExpect(jsonPath("$.message").value(containsString("Sign in with Slack again")));
            assertThat(operators.find(operator.id()).orElseThrow().tokenRevoked())
                    .isTrue();
        }

        @Test
        @DisplayName("a missing scope is named")
        void missingScope() throws Exception {
            fake.methodError("users.list", "missing_scope");
            api.get("/api/slack/users")
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.error").value("slack_missing_scope"))
                    .andExpect(jsonPath("$.message").value(containsString("'users:read'")));
        }

        @Test
        @DisplayName("the local operator has no Slack token: a 409 saying to sign in with Slack")
        void localOperator() throws Exception {
            operators.local();
            api.get("/api/slack/users?operator=local")
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.error").value("slack_not_connected"));
        }

        @Test
        @DisplayName("POST /api/members imports people by Slack id with their names and email")
        void importMembers() throws Exception {
            api.post("/api/members", """
                            {"slack_user_ids":["U0ALICE","U0BOB"]}""")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$[0].display_name").value("alice"))
                    .andExpect(jsonPath("$[0].email").value("alice@acme.test"))
                    .andExpect(jsonPath("$[1].real_name").value("Bob Brown"));
        }
    }

    @Nested
    @DisplayName("ignored-channel cleanup")
    class Cleanup {
        @BeforeEach
        void synced() throws Exception {
            Member alice = member(operator, "U0ALICE", "alice", "Alice Anders");
            sync(operator, NOVEMBER, roster.members(operator.id()).get(0), alice);
            preferences.saveIgnoredChannels(operator.id(), ChannelPatterns.parse("gen*, nimble*"));
        }

        @Test
        @DisplayName("a dry run counts without deleting; then the real run deletes only those channels")
        void dryRunThenDelete() throws Exception {
            long messages = count("slack_messages");
            long units = count("work_units");
            long before = fake.totalCalls();
            String preview = api.post("/api/cleanup/ignored-channels", """
                            {"operator":"U0OLIVIA","dry_run":true}""")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.channels[0]").value("general"))
                    .andExpect(jsonPath("$.channels.length()").value(2))
                    .andExpect(jsonPath("$.messages").value(11))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(count("slack_messages")).isEqualTo(messages);
            assertThat(count("work_units")).isEqualTo(units);
            long generalUnits = Long.parseLong(preview.replaceAll(".*\"work_units\":(\\d+).*", "$1"));
            assertThat(generalUnits).isEqualTo(7 + 5); // olivia: 7 channel units; alice: 4 written, 1 mention

            api.post("/api/cleanup/ignored-channels", """
                            {"dry_run":false}""")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.messages").value(11));
            assertThat(count("slack_messages")).isEqualTo(messages - 11);
            assertThat(count("work_units")).isEqualTo(units - generalUnits);
            assertThat(fake.totalCalls()).isEqualTo(before); // no Slack calls
            api.post("/api/cleanup/ignored-channels", "{}")
                    .andExpect(jsonPath("$.messages").value(0))
                    .andExpect(jsonPath("$.dry_run").value(true));
        }

        @Test
        @DisplayName("the Sync page panel previews, then deletes on confirmation")
        void throughThePanel() throws Exception {
            mvc.perform(post("/slack/cleanup/preview").with(as(operator)).with(csrf()))
                    .andExpect(redirectedUrl("/sync"))
                    .andExpect(flash().attributeExists("slackCleanup"));
            assertThat(count("slack_messages")).isEqualTo(17);
            mvc.perform(post("/slack/cleanup/confirm").with(as(operator)).with(csrf()))
                    .andExpect(redirectedUrl("/sync"))
                    .andExpect(flash().attribute("flash", containsString("Deleted 11 messages")));
            assertThat(count("slack_messages")).isEqualTo(6);
        }
    }

    @Nested
    @DisplayName("the Sync page panel")
    class Panel {
        @Test
        @DisplayName("saves ignored-channel patterns and refuses what is not a pattern")
        void patterns() throws Exception {
            mvc.perform(post("/slack/ignored-channels")
                            .param("patterns", "eng-*, #ops-?")
                            .with(as(operator))
                            .with(csrf()))
                    .andExpect(redirectedUrl("/sync"))
                    .andExpect(flash().attribute("flash", containsString("eng-*, ops-?")));
            assertThat(preferences.ignoredChannels(operator.id()).matches("OPS-1"))
                    .isTrue();
            mvc.perform(post("/slack/ignored-channels")
                            .param("patterns", "<script>")
                            .with(as(operator))
                            .with(csrf()))
                    .andExpect(flash().attribute("flashError", containsString("use channel-name characters")));
            assertThat(preferences.ignoredChannels(operator.id()).text()).isEqualTo("eng-*, ops-?");
        }

        @Test
        @DisplayName("lists standup names that match nobody on the roster, and renders")
        void unmatchedStandups() throws Exception {
            Member alice = member(operator, "U0ALICE", "alice", "Alice Anders");
            sync(operator, NOVEMBER, alice);
            SyncPagePanel panel = panels.stream()
                    .filter(p -> p.template().equals("slack/sync-panel"))
                    .findFirst()
                    .orElseThrow();
            Map<String, Object> values = panel.values(operator);
            assertThat((List<?>) values.get("unmatched"))
                    .extracting("name")
                    .containsExactlyInAnyOrder("Dave Unknown", "bob");
            assertThat(values.get("ignoredPatterns"))
                    .isEqualTo(dev.worklens.system.config.SettingsReader.DEFAULT_IGNORED_CHANNELS);
            var servlet = new org.springframework.mock.web.MockServletContext();
            var exchange = org.thymeleaf.web.servlet.JakartaServletWebApplication.buildApplication(servlet)
                    .buildExchange(
                            new org.springframework.mock.web.MockHttpServletRequest(servlet),
                            new org.springframework.mock.web.MockHttpServletResponse());
            var ctx = new org.thymeleaf.context.WebContext(exchange);
            ctx.setVariable("panel", values);
            String html = templates.process(panel.template(), java.util.Set.of("panel"), ctx);
            assertThat(html).contains("Dave Unknown").contains("#daily-standup").contains("#gone skipped");
        }
    }

    @Nested
    @DisplayName("the Connect page")
    class Connect {
        @Test
        @DisplayName("shows workspace, user and a valid token")
        void valid() throws Exception {
            mvc.perform(get("/connect").with(as(operator)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("User: olivia (U0OLIVIA)")))
                    .andExpect(content().string(containsString("Token: valid")));
        }

        @Test
        @DisplayName("offers to sign in again when Slack no longer accepts the token")
        void revoked() throws Exception {
            fake.validCode("x", "xoxp-other");
            mvc.perform(get("/connect").with(as(operator)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Sign in with Slack again")));
            assertThat(operators.find(operator.id()).orElseThrow().tokenRevoked())
                    .isTrue();
        }
    }
}
