package dev.worklens.slack.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Slack text, patterns and timestamps")
class MessageTextTest {

    static final Map<String, String> USERS = Map.of("U1", "alice");
    static final Map<String, String> GROUPS = Map.of("S1", "backend");

    @Test
    @DisplayName("renders user mentions, usergroups, channels, links and entities")
    void renders() {
        assertThat(MessageText.render("hi <@U1> and <@U2|bob>", USERS, GROUPS)).isEqualTo("hi @alice and @bob");
        assertThat(MessageText.render("<!subteam^S1|@backend> and <!subteam^S1>", USERS, GROUPS))
                .isEqualTo("@backend and @backend");
        assertThat(MessageText.render(
                        "<!here> see <#C1|general> <https://x.test|the doc> <https://y.test>", USERS, GROUPS))
                .isEqualTo("@here see #general the doc https://y.test");
        assertThat(MessageText.render("a &lt;b&gt; &amp; c", USERS, GROUPS)).isEqualTo("a <b> & c");
    }

    @Test
    @DisplayName("a usergroup is not a direct mention")
    void mentions() {
        assertThat(MessageText.mentions("<@U1> <@W2|x> <!subteam^S1|@backend> <#C1>"))
                .containsExactly("U1", "W2");
    }

    @Test
    @DisplayName("the title is the first non-empty line, cut at 200 characters")
    void title() {
        assertThat(MessageText.title("\n  first  \nsecond")).isEqualTo("first");
        assertThat(MessageText.title("x".repeat(300))).hasSize(200).endsWith("…");
        assertThat(MessageText.title("")).isEqualTo("(no text)");
    }

    @Test
    @DisplayName("ignore patterns are globs, compared ignoring case")
    void patterns() {
        var p = ChannelPatterns.parse("nimble*, *-activity, #ic-?, ");
        assertThat(p.globs()).containsExactly("nimble*", "*-activity", "ic-?");
        assertThat(p.matches("Nimble-Chat")).isTrue();
        assertThat(p.matches("deploy-activity")).isTrue();
        assertThat(p.matches("ic-1")).isTrue();
        assertThat(p.matches("ic-12")).isFalse();
        assertThat(p.matches("general")).isFalse();
        assertThat(ChannelPatterns.parse("a.b").matches("axb")).isFalse();
    }

    @Test
    @DisplayName("ts and instants convert both ways and sort as text")
    void ts() {
        Instant at = Instant.parse("2026-11-10T09:00:00.123456Z");
        assertThat(SlackTs.of(at)).isEqualTo("1794301200.123456");
        assertThat(SlackTs.instant("1794301200.123456")).isEqualTo(at);
        assertThat(SlackTs.instant("1794301200")).isEqualTo(Instant.parse("2026-11-10T09:00:00Z"));
        assertThat(SlackTs.max("1794301200.000002", "1794301200.000010")).isEqualTo("1794301200.000010");
    }
}
