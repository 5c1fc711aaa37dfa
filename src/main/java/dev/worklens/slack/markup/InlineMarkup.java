package dev.worklens.slack.markup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fellbaum.jemoji.Emoji;
import net.fellbaum.jemoji.EmojiManager;

/**
 * One line of Slack markup as HTML or as plain text. Tokens ({@code <…>}), code spans and emoji
 * become opaque placeholders first, so the emphasis rules never look inside a link or a code span;
 * then {@code *bold*}, {@code _italic_} and {@code ~strike~} are read the way Slack reads them: the
 * markers sit at word edges and the span does not cross another marker of its kind.
 */
public final class InlineMarkup {

    /** Private-use characters stand for the opaque pieces; text that carries them keeps them as text. */
    private static final char FIRST = '\uE000';

    private static final int MAX_ATOMS = 0x1000;
    private static final Pattern EMOJI = Pattern.compile(":([a-z0-9_+'\\-]{1,60}):");

    /**
     * Slack's codes ({@code :tada:}), read once: the library's own alias lookup scans every emoji,
     * which a message full of colons turned into seconds.
     */
    private static final Map<String, String> SLACK_EMOJI = slackEmoji();

    private final boolean html;
    private final List<String> atoms = new ArrayList<>();

    private InlineMarkup(boolean html) {
        this.html = html;
    }

    public static String html(String markup) {
        return new InlineMarkup(true).render(markup);
    }

    public static String plain(String markup) {
        // most lines are words and nothing else, and re-extraction reads every message's first line
        return unmarked(markup) ? markup : rendered(markup);
    }

    /** {@link #plain} by the whole rendering, whatever the line holds; for tests. */
    static String rendered(String markup) {
        return new InlineMarkup(false).render(markup);
    }

    /**
     * Whether plain rendering leaves the line as it is: no token, code span, entity, emoji code or
     * emphasis marker can start in it, and it holds no character a placeholder would take.
     */
    static boolean unmarked(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '<'
                    || c == '`'
                    || c == '&'
                    || c == ':'
                    || c == '*'
                    || c == '_'
                    || c == '~'
                    || (c >= FIRST && c <= FIRST + MAX_ATOMS + 1)) {
                return false;
            }
        }
        return true;
    }

    private String render(String markup) {
        String line = neutralised(markup);
        var out = new StringBuilder();
        // once no closing '>' (or '`') is left, later openers are not searched again: linear time
        boolean closers = true;
        boolean ticks = true;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            int end = -1;
            if (c == '<' && closers) {
                end = line.indexOf('>', i + 1);
                closers = end >= 0;
            } else if (c == '`' && ticks) {
                end = line.indexOf('`', i + 1);
                ticks = end >= 0;
            }
            if (end > i + 1 && atoms.size() < MAX_ATOMS) {
                String inner = line.substring(i + 1, end);
                out.append(atom(c == '<' ? token(inner) : code(inner)));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        String text = emoji(Entities.decode(out.toString()));
        if (html) {
            text = Entities.escape(text);
        }
        text = emphasis(text, '*', "b");
        text = emphasis(text, '_', "i");
        text = emphasis(text, '~', "s");
        return restore(text);
    }

    /** Placeholders must come only from here: private-use characters in the text become U+FFFD. */
    private static String neutralised(String markup) {
        var out = new StringBuilder(markup.length());
        for (int i = 0; i < markup.length(); i++) {
            char c = markup.charAt(i);
            out.append(c >= FIRST && c <= FIRST + MAX_ATOMS + 1 ? '\uFFFD' : c);
        }
        return out.toString();
    }

    private static Map<String, String> slackEmoji() {
        Map<String, String> codes = new HashMap<>();
        for (Emoji e : EmojiManager.getAllEmojis()) {
            for (String alias : e.getSlackAliases()) {
                codes.putIfAbsent(alias, e.getEmoji());
            }
        }
        return Map.copyOf(codes);
    }

    private String atom(String rendered) {
        atoms.add(rendered);
        return String.valueOf((char) (FIRST + atoms.size()));
    }

    private String restore(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int index = c - FIRST - 1;
            if (index >= 0 && index < atoms.size()) {
                out.append(atoms.get(index));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String code(String inner) {
        String text = Entities.decode(inner);
        return html ? "<code>" + Entities.escape(text) + "</code>" : text;
    }

    /** A {@code <…>} token: a link, a mention of a person, channel or group, or a special word. */
    private String token(String inner) {
        int bar = inner.indexOf('|');
        String target = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 ? null : Entities.decode(inner.substring(bar + 1));
        if (target.startsWith("@")) {
            return mention("@" + (label != null && !label.isBlank() ? strip(label, '@') : target.substring(1)));
        }
        if (target.startsWith("#")) {
            return mention("#" + (label != null && !label.isBlank() ? strip(label, '#') : target.substring(1)));
        }
        if (target.startsWith("!subteam^")) {
            return mention("@" + (label != null && !label.isBlank() ? strip(label, '@') : target.substring(9)));
        }
        if (target.startsWith("!")) {
            // <!here>, <!channel>, <!everyone>; <!date^…|fallback> shows its fallback
            String word = target.substring(1);
            return label != null ? text(label) : mention("@" + word);
        }
        String url = Entities.decode(target);
        if (!linkable(url)) {
            return text(label != null ? label : url);
        }
        String shown = label != null && !label.isBlank() ? label : url.startsWith("mailto:") ? url.substring(7) : url;
        if (!html) {
            return shown.equals(url) || url.equals("mailto:" + shown) ? shown : shown + " (" + url + ")";
        }
        return "<a href=\"" + Entities.escape(url) + "\" target=\"_blank\" rel=\"" + MarkupHtml.LINK_RELS + "\">"
                + Entities.escape(shown) + "</a>";
    }

    private String mention(String name) {
        return html ? "<span class=\"mention\">" + Entities.escape(name) + "</span>" : name;
    }

    private String text(String s) {
        return html ? Entities.escape(s) : s;
    }

    static boolean linkable(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:");
    }

    private static String strip(String label, char prefix) {
        return label.charAt(0) == prefix ? label.substring(1) : label;
    }

    /** {@code :code:} as its Unicode emoji; skin tones and custom emoji stay as they are written. */
    private String emoji(String text) {
        if (text.indexOf(':') < 0) {
            return text;
        }
        Matcher m = EMOJI.matcher(text);
        var out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String emoji = atoms.size() < MAX_ATOMS ? SLACK_EMOJI.get(m.group()) : null;
            if (emoji == null) {
                continue;
            }
            out.append(text, last, m.start()).append(atom(emoji));
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    /**
     * Replaces marker-delimited spans. An opening marker follows the line start, a space or
     * punctuation and precedes a non-space; the closing one is the next marker of its kind, after
     * a non-space and before the line end, a space or punctuation. Each marker is looked at once.
     */
    private String emphasis(String text, char marker, String tag) {
        if (text.indexOf(marker) < 0) {
            return text;
        }
        var out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == marker && opens(text, i)) {
                int close = text.indexOf(marker, i + 1);
                if (close > i + 1 && closes(text, close)) {
                    String inner = text.substring(i + 1, close);
                    out.append(html ? "<" + tag + ">" + inner + "</" + tag + ">" : inner);
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean opens(String text, int i) {
        boolean edge = i == 0 || boundary(text.charAt(i - 1));
        return edge && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
    }

    private static boolean closes(String text, int i) {
        boolean edge = i + 1 == text.length() || boundary(text.charAt(i + 1));
        return edge && !Character.isWhitespace(text.charAt(i - 1));
    }

    private static boolean boundary(char c) {
        return !Character.isLetterOrDigit(c) && c != '_';
    }
}
