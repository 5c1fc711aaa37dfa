package dev.worklens.slack.ingest;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's message markup made readable: {@code <@U1>} becomes {@code @name},
 * {@code <!subteam^S1|@handle>} becomes {@code @handle}, links show their label. The result is plain
 * text; templates escape it when they render it.
 */
public final class MessageText {

    private static final Pattern TOKEN = Pattern.compile("<([^<>]+)>");
    private static final Pattern USER_MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");

    private MessageText() {}

    /** The users a message mentions directly; a usergroup ({@code <!subteam^…>}) is not a direct mention. */
    public static Set<String> mentions(String text) {
        Set<String> ids = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = USER_MENTION.matcher(text);
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    public static String render(String text, Map<String, String> userNames, Map<String, String> groupHandles) {
        if (text == null) {
            return "";
        }
        Matcher m = TOKEN.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(token(m.group(1), userNames, groupHandles)));
        }
        m.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /**
     * The message as Slack markup whose people, channels and groups carry their names
     * ({@code <@U1>} becomes {@code <@U1|ana>}), so a page renders it later without lookups and a
     * rename after the sync does not change what the report said.
     */
    public static String resolve(
            String text,
            Map<String, String> userNames,
            Map<String, String> groupHandles,
            Map<String, String> channelNames) {
        if (text == null || text.indexOf('<') < 0) {
            return text == null ? "" : text;
        }
        Matcher m = TOKEN.matcher(text);
        var out = new StringBuilder(text.length() + 32);
        while (m.find()) {
            String inner = m.group(1);
            String label = null;
            if (inner.indexOf('|') < 0) {
                if (inner.startsWith("@")) {
                    label = userNames.get(inner.substring(1));
                } else if (inner.startsWith("#")) {
                    label = channelNames.get(inner.substring(1));
                } else if (inner.startsWith("!subteam^")) {
                    String handle = groupHandles.get(inner.substring(9));
                    label = handle == null ? null : handle.startsWith("@") ? handle : "@" + handle;
                }
            }
            String token = label == null ? m.group() : "<" + inner + "|" + escapeLabel(label) + ">";
            m.appendReplacement(out, Matcher.quoteReplacement(token));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A name inside a token: Slack's own escaping, and no character that would end the token. */
    private static String escapeLabel(String name) {
        return name.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("|", "¦");
    }

    /** The first non-empty line, at most 200 characters. */
    public static String title(String rendered) {
        for (String line : rendered.split("\n")) {
            String s = line.strip();
            if (!s.isEmpty()) {
                return s.length() > 200 ? s.substring(0, 199) + "…" : s;
            }
        }
        return "(no text)";
    }

    private static String token(String inner, Map<String, String> userNames, Map<String, String> groupHandles) {
        int bar = inner.indexOf('|');
        String target = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 ? null : inner.substring(bar + 1);
        if (target.startsWith("@")) {
            String id = target.substring(1);
            String name = userNames.getOrDefault(id, label != null && !label.isBlank() ? label : id);
            return "@" + name;
        }
        if (target.startsWith("!subteam^")) {
            String handle = label != null ? label : groupHandles.getOrDefault(target.substring(9), target.substring(9));
            return handle.startsWith("@") ? handle : "@" + handle;
        }
        if (target.startsWith("!")) {
            String word = target.substring(1);
            return label != null ? label : "@" + word;
        }
        if (target.startsWith("#")) {
            return "#" + (label != null ? label : target.substring(1));
        }
        return label != null ? label : target;
    }
}
