package dev.worklens.slack.client;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.worklens.slack.client.SlackRecords.SlackFile;
import dev.worklens.slack.client.SlackRecords.SlackMessage;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a stored message payload as {@link SlackClient#message} reads Slack's answer, field by field
 * from the token stream: the rich-text blocks, reactions and profiles most of a payload is made of
 * are skipped, not built into a tree. Re-extraction reads every stored message, so this is its
 * parse (JFR: building Gson trees was a sixth of its CPU time).
 */
final class StoredPayload {

    private StoredPayload() {}

    /** The message, or null when the payload is not one JSON object. */
    static SlackMessage message(String raw) {
        try (var json = new JsonReader(new StringReader(raw))) {
            // as JsonParser.parseString reads: leniently, and the object must be the whole document
            json.setStrictness(Strictness.LENIENT);
            if (json.peek() != JsonToken.BEGIN_OBJECT) {
                return null;
            }
            var m = new Fields();
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "ts" -> m.ts = text(json);
                    case "thread_ts" -> m.threadTs = text(json);
                    case "user" -> m.user = text(json);
                    case "bot_id" -> m.botId = text(json);
                    case "username" -> m.username = text(json);
                    case "subtype" -> m.subtype = text(json);
                    case "text" -> m.text = text(json);
                    case "reply_count" -> m.replyCount = count(json);
                    case "latest_reply" -> m.latestReply = text(json);
                    case "edited" -> m.edited = edited(json);
                    case "files" -> m.files = files(json);
                    default -> json.skipValue();
                }
            }
            json.endObject();
            if (json.peek() != JsonToken.END_DOCUMENT) {
                return null;
            }
            return new SlackMessage(
                    m.ts,
                    m.threadTs,
                    m.user,
                    m.botId,
                    m.username,
                    m.subtype,
                    m.text,
                    m.replyCount,
                    m.latestReply,
                    m.edited,
                    raw,
                    m.files);
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            return null;
        }
    }

    private static final class Fields {
        String ts;
        String threadTs;
        String user;
        String botId;
        String username;
        String subtype;
        String text;
        int replyCount;
        String latestReply;
        String edited;
        List<SlackFile> files = List.of();
    }

    /** A primitive as its text (a number as written), null for null, an object or an array. */
    private static String text(JsonReader json) throws IOException {
        return switch (json.peek()) {
            case STRING, NUMBER -> json.nextString();
            case BOOLEAN -> String.valueOf(json.nextBoolean());
            case NULL -> {
                json.nextNull();
                yield null;
            }
            default -> {
                json.skipValue();
                yield null;
            }
        };
    }

    /** {@code reply_count} as Gson's {@code getAsInt} reads it; anything but a number or text counts 0. */
    private static int count(JsonReader json) throws IOException {
        return switch (json.peek()) {
            case NUMBER -> {
                String n = json.nextString();
                try {
                    yield Integer.parseInt(n);
                } catch (NumberFormatException e) {
                    yield new BigDecimal(n).intValue();
                }
            }
            case STRING -> Integer.parseInt(json.nextString());
            default -> {
                json.skipValue();
                yield 0;
            }
        };
    }

    private static String edited(JsonReader json) throws IOException {
        if (json.peek() != JsonToken.BEGIN_OBJECT) {
            json.skipValue();
            return null;
        }
        String ts = null;
        json.beginObject();
        while (json.hasNext()) {
            if (json.nextName().equals("ts")) {
                ts = text(json);
            } else {
                json.skipValue();
            }
        }
        json.endObject();
        return ts;
    }

    private static List<SlackFile> files(JsonReader json) throws IOException {
        if (json.peek() != JsonToken.BEGIN_ARRAY) {
            json.skipValue();
            return List.of();
        }
        List<SlackFile> files = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            if (json.peek() != JsonToken.BEGIN_OBJECT) {
                json.skipValue();
                continue;
            }
            String name = null;
            String title = null;
            String link = null;
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "name" -> name = text(json);
                    case "title" -> title = text(json);
                    case "permalink" -> link = text(json);
                    default -> json.skipValue();
                }
            }
            json.endObject();
            String shown = name != null ? name : title;
            if (link != null) {
                files.add(new SlackFile(shown == null ? "file" : shown, link));
            }
        }
        json.endArray();
        return files;
    }
}
