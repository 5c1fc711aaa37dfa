package dev.worklens.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Message;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The demo's stand-in Slack speaks the Web API the SDK expects")
class FakeSlackApiTest {

    SyntheticWorkspace workspace =
            SyntheticWorkspace.generate(SyntheticWorkspace.Spec.demo(LocalDate.of(2026, 11, 30)));
    FakeSlackApi api;
    MethodsClient client;

    @BeforeEach
    void start() {
        api = FakeSlackApi.start(workspace, Clock.systemUTC());
        var config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(api.baseUrl() + "/api/");
        client = Slack.getInstance(config).methods(FakeSlackApi.TOKEN);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    @DisplayName("history pages through every top-level message, newest first, and replies hold the thread")
    void historyAndReplies() throws Exception {
        var channel = workspace.channels().get(0);
        List<Message> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = client.conversationsHistory(r -> r.channel(channel.id()).limit(50));
            if (cursor != null) {
                final String c = cursor;
                page = client.conversationsHistory(
                        r -> r.channel(channel.id()).limit(50).cursor(c));
            }
            assertThat(page.isOk()).isTrue();
            all.addAll(page.getMessages());
            cursor = page.getResponseMetadata().getNextCursor();
            pages++;
        } while (cursor != null && !cursor.isEmpty());
        assertThat(all).hasSize(channel.messages().size());
        assertThat(pages).isEqualTo((channel.messages().size() + 49) / 50);

        var threaded = channel.messages().stream()
                .filter(m -> !m.replies().isEmpty())
                .findFirst()
                .orElseThrow();
        var replies = client.conversationsReplies(r -> r.channel(channel.id()).ts(threaded.ts()));
        assertThat(replies.getMessages()).hasSize(1 + threaded.replies().size());
        assertThat(replies.getMessages().get(0).getLatestReply()).isEqualTo(threaded.latestReply());
    }

    @Test
    @DisplayName("a wrong token gets ok:false invalid_auth, and a rate limit answers 429 with Retry-After")
    void errors() throws Exception {
        var config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(api.baseUrl() + "/api/");
        var wrong = Slack.getInstance(config).methods("xoxp-wrong").authTest(r -> r);
        assertThat(wrong.isOk()).isFalse();
        assertThat(wrong.getError()).isEqualTo("invalid_auth");
        assertThat(client.usersList(r -> r).getMembers())
                .hasSize(workspace.people().size() + 3);
        assertThat(api.calls("users.list")).isEqualTo(1);
    }

    @Test
    @DisplayName("injected faults: a dropped connection is an I/O error, a server error a 5xx, a burst 429s")
    void faults() {
        api.faults(new FakeApiServer.Faults(0, 1.0, 0, java.time.Duration.ZERO, 0, 0, 7));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.authTest(r -> r))
                .isInstanceOf(java.io.IOException.class);
        api.faults(new FakeApiServer.Faults(0, 0, 0, java.time.Duration.ZERO, 1.0, 3, 7));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.authTest(r -> r))
                .hasMessageContaining("429");
        assertThat(api.injectedFaults()).containsEntry("dropped", 1L).containsEntry("rate_limited", 1L);
    }
}
