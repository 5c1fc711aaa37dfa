package dev.worklens.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.worklens.support.WorklensTest;
import dev.worklens.system.security.OperatorPrincipal;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** PRODUCT.md §2: Disconnect revokes and deletes the operator's token, signs them out, keeps their data. */
@WorklensTest
@DisplayName("Disconnect Slack")
class SlackDisconnectTest extends SlackSpringTest {

    @Autowired
    MockMvc mvc;

    @AfterEach
    void restore() {
        fake.restoreToken();
    }

    RequestPostProcessor as(Operator op) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                new OperatorPrincipal(op.id(), op.slackUserId(), op.name()),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
    }

    @Test
    @DisplayName("calls auth.revoke, deletes the stored token, signs out, and keeps the roster")
    void disconnect() throws Exception {
        Operator operator = signedInOperator();
        Member alice = member(operator, "U0ALICE", "alice", "Alice Anders");
        String connect = mvc.perform(get("/connect").with(as(operator)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(connect).contains("Disconnect Slack").contains("action=\"/connect/slack/disconnect\"");
        long revokes = fake.calls("auth.revoke");

        var result = mvc.perform(
                        post("/connect/slack/disconnect").with(as(operator)).with(csrf()))
                .andExpect(redirectedUrl("/auth/signed-out?disconnected=1"))
                .andReturn();

        assertThat(fake.calls("auth.revoke")).isEqualTo(revokes + 1);
        assertThat(fake.tokenRevoked()).isTrue();
        Operator after = operators.find(operator.id()).orElseThrow();
        assertThat(after.hasToken()).isFalse();
        assertThat(after.tokenRevoked()).isTrue();
        assertThat(operators.slackToken(operator.id())).isEmpty();
        assertThat(jdbc.sql("SELECT token_ciphertext FROM operators WHERE id = ?")
                        .param(operator.id())
                        .query(String.class)
                        .optional())
                .isEmpty();
        assertThat(roster.find(alice.id())).isPresent();
        assertThat(result.getRequest().getSession(false) == null
                        || result.getRequest().getSession(false).isNew())
                .isTrue();
        assertThat(mvc.perform(get("/auth/signed-out?disconnected=1"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Slack is disconnected")
                .contains("roster and synced data stay");
    }

    @Test
    @DisplayName("a token Slack already refuses is deleted all the same")
    void deadToken() throws Exception {
        Operator operator = signedInOperator();
        fake.methodError("auth.revoke", "token_revoked");
        try {
            mvc.perform(post("/connect/slack/disconnect").with(as(operator)).with(csrf()))
                    .andExpect(redirectedUrl("/auth/signed-out?disconnected=1"));
        } finally {
            fake.clearMethodError("auth.revoke");
        }
        assertThat(operators.find(operator.id()).orElseThrow().hasToken()).isFalse();
    }
}
