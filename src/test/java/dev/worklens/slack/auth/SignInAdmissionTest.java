package dev.worklens.slack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.worklens.demo.FakeSlackApi;
import dev.worklens.slack.client.SlackCalls;
import dev.worklens.slack.client.SlackClient;
import dev.worklens.slack.client.SlackRateLimiter;
import dev.worklens.slack.client.SlackSession;
import dev.worklens.system.Settings;
import dev.worklens.system.config.SettingsReader;
import dev.worklens.system.retry.VirtualTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Who may become an operator at Sign in with Slack")
class SignInAdmissionTest {

    FakeSlackApi fake;
    SlackClient client;
    SlackSession session;

    @BeforeEach
    void setUp() {
        fake = FakeSlackApi.start().usergroup("S1", "eng-managers", "Engineering managers", "U0GROUPED");
        var time = new VirtualTime();
        var config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.baseUrl() + "/api/");
        config.setStatsEnabled(false);
        client = new SlackClient(Slack.getInstance(config), new SlackCalls(new SlackRateLimiter(time), time));
        session = SlackSession.of(FakeSlackApi.TOKEN, "T1");
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    SignInAdmission admission(String... settings) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            env.put(settings[i], settings[i + 1]);
        }
        Settings read = SettingsReader.read(env::get);
        return new SignInAdmission(read, client);
    }

    @Test
    @DisplayName("without operator settings (development) everyone of the workspace is admitted")
    void open() {
        assertThat(admission().decide(session, "U0ANY", null, "T1").admitted()).isTrue();
    }

    @Test
    @DisplayName("WORKLENS_OPERATORS admits by Slack id or email, and refuses others with who and whom to ask")
    void listed() {
        var a = admission("WORKLENS_OPERATORS", "U0LEAD, boss@acme.test", "WORKLENS_ADMINS", "cto@acme.test, U0CTO");
        assertThat(a.decide(session, "U0LEAD", null, "T1").admitted()).isTrue();
        assertThat(a.decide(session, "U0BOSS", "Boss@Acme.test", "T1").admitted())
                .isTrue();
        var refused = a.decide(session, "U0EVE", "eve@acme.test", "T1");
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.refusal())
                .contains("only admits the managers its administrator named (WORKLENS_OPERATORS)")
                .contains("Ask cto@acme.test to add you.")
                .doesNotContain("U0CTO");
    }

    @Test
    @DisplayName("WORKLENS_OPERATOR_GROUPS admits the members of a user group, asked of Slack, and remembers the group")
    void groups() {
        var a = admission("WORKLENS_OPERATOR_GROUPS", "@eng-managers");
        var grouped = a.decide(session, "U0GROUPED", null, "T1");
        assertThat(grouped.admitted()).isTrue();
        assertThat(grouped.group()).isEqualTo("eng-managers");
        var other = a.decide(session, "U0OTHER", null, "T1");
        assertThat(other.admitted()).isFalse();
        assertThat(other.refusal()).contains("members of the Slack user group(s) @eng-managers");
        assertThat(fake.calls("usergroups.users.list")).isPositive();
    }

    @Test
    @DisplayName("'*' admits everyone on purpose")
    void everyone() {
        assertThat(admission("WORKLENS_OPERATORS", "*")
                        .decide(session, "U0ANY", null, "T1")
                        .admitted())
                .isTrue();
    }

    @Test
    @DisplayName("SLACK_TEAM_ID refuses a sign-in to another workspace, even of a listed person")
    void workspace() {
        var a = admission("WORKLENS_OPERATORS", "*", "SLACK_TEAM_ID", "T0ACME");
        assertThat(a.decide(session, "U0ANY", null, "T0ACME").admitted()).isTrue();
        var other = a.decide(session, "U0ANY", null, "T0OTHER");
        assertThat(other.admitted()).isFalse();
        assertThat(other.refusal()).contains("only admits the Slack workspace T0ACME");
    }
}
