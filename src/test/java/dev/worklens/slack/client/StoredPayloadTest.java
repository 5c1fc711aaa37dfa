package dev.worklens.slack.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.worklens.slack.client.SlackRecords.SlackFile;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A stored payload read from its token stream reads as Slack's answer read through a Gson tree. */
class StoredPayloadTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{\"type\":\"message\",\"text\":\"hello <@U1>\",\"user\":\"U1\",\"ts\":\"1700000000.000100\"}",
                "{\"client_msg_id\":\"x\",\"type\":\"message\",\"text\":\"*Today*\\n• a\",\"user\":\"U2\","
                        + "\"ts\":\"1700000001.000200\",\"blocks\":[{\"type\":\"rich_text\",\"elements\":[{\"type\":"
                        + "\"rich_text_section\",\"elements\":[{\"type\":\"text\",\"text\":\"Today\"}]}]}],"
                        + "\"team\":\"T1\",\"thread_ts\":\"1700000000.000100\",\"parent_user_id\":\"U1\"}",
                "{\"subtype\":\"bot_message\",\"text\":\"*Yesterday:*\",\"ts\":\"1700000002.000300\","
                        + "\"username\":\"Alice Anders\",\"bot_id\":\"B1\",\"icons\":{\"image_48\":\"https://x\"}}",
                "{\"ts\":\"1700000003.000400\",\"thread_ts\":\"1700000003.000400\",\"reply_count\":4,"
                        + "\"latest_reply\":\"1700000009.000100\",\"reply_users\":[\"U1\"],\"edited\":{\"user\":\"U1\","
                        + "\"ts\":\"1700000004.000000\"},\"user\":\"U1\",\"text\":\"edited\"}",
                "{\"ts\":\"1700000005.000100\",\"user\":\"U1\",\"text\":\"\",\"files\":[{\"id\":\"F1\",\"name\":"
                        + "\"plan.pdf\",\"title\":\"plan\",\"permalink\":\"https://acme.slack.com/files/U1/F1/plan.pdf\"},"
                        + "{\"id\":\"F2\",\"title\":\"only a title\",\"permalink\":\"https://a/F2\"},{\"id\":\"F3\","
                        + "\"permalink\":\"https://a/F3\"},{\"id\":\"F4\",\"name\":\"no link\"},\"odd\",null]}",
                "{\"ts\":1700000006.5,\"user\":null,\"text\":true,\"subtype\":{\"nested\":1},\"reply_count\":null,"
                        + "\"bot_id\":[1,2],\"files\":{\"not\":\"an array\"},\"edited\":\"not an object\"}",
                "{\"ts\":\"1700000007.000100\",\"reply_count\":2.0,\"text\":\"a \\\"quoted\\\" \\u00e9 word\"}",
                "{\"ts\":\"1\",\"text\":\"first\",\"text\":\"last wins\"}",
                "{}"
            })
    void readsAsTheTreeDoes(String raw) {
        var tree = SlackClient.message(JsonParser.parseString(raw).getAsJsonObject());
        var stream = SlackClient.fromRaw(raw);
        assertThat(stream).isNotNull();
        assertThat(stream).usingRecursiveComparison().ignoringFields("raw").isEqualTo(tree);
        assertThat(stream.raw()).isSameAs(raw);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"[1,2]", "\"text\"", "42", "   ", "{\"ts\":\"1\"", "{\"ts\":\"1\"} {\"ts\":\"2\"}", "{\"ts\":}"})
    void isNullForWhatIsNotOneObject(String raw) {
        assertThat(SlackClient.fromRaw(raw)).isNull();
    }

    @org.junit.jupiter.api.Test
    void keepsTheFilesNamedLinks() {
        var m = SlackClient.fromRaw("{\"ts\":\"1\",\"files\":[{\"name\":\"a.pdf\",\"permalink\":\"https://x/a\"},"
                + "{\"title\":\"t\",\"permalink\":\"https://x/t\"},{\"permalink\":\"https://x/f\"}]}");
        assertThat(m.files())
                .isEqualTo(List.of(
                        new SlackFile("a.pdf", "https://x/a"),
                        new SlackFile("t", "https://x/t"),
                        new SlackFile("file", "https://x/f")));
    }
}
