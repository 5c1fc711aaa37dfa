package dev.worklens.slack.markup;

import dev.worklens.slack.markup.MarkupBlock.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the block structure of Slack markup: preformatted blocks, quotes, bullet and numbered lists
 * with their nesting, bold-only lines as headings. Every pattern here is anchored at a line start
 * and scans the line once, so hostile text costs linear time.
 */
public final class MarkupBlocks {

    private static final String FENCE = "```";
    // Slack's own list export uses •, ◦ and ▪ for three levels; people type -, * and 1.
    private static final Pattern ITEM =
            Pattern.compile("^([ \\t\\u00a0]*)([•◦▪▫‣\\-*]|\\d{1,3}[.)])[ \\t\\u00a0]+(\\S.*)$");

    private MarkupBlocks() {}

    public static List<MarkupBlock> read(String text) {
        List<MarkupBlock> blocks = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return blocks;
        }
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        int at = 0;
        while (at < normalised.length()) {
            int open = normalised.indexOf(FENCE, at);
            int close = open < 0 ? -1 : normalised.indexOf(FENCE, open + FENCE.length());
            if (close < 0) {
                lines(normalised.substring(at), blocks);
                break;
            }
            lines(normalised.substring(at, open), blocks);
            String pre = normalised.substring(open + FENCE.length(), close);
            blocks.add(MarkupBlock.of(Kind.PRE, pre.startsWith("\n") ? pre.substring(1) : pre));
            at = close + FENCE.length();
        }
        return blocks;
    }

    private static void lines(String part, List<MarkupBlock> blocks) {
        if (part.isEmpty()) {
            return;
        }
        // indents of the open list levels, so "  - b" under "- a" nests however many spaces it uses
        Deque<Integer> indents = new ArrayDeque<>();
        for (String line : part.split("\n", -1)) {
            if (line.isBlank()) {
                indents.clear();
                if (!blocks.isEmpty() && blocks.get(blocks.size() - 1).kind() != Kind.BREAK) {
                    blocks.add(MarkupBlock.of(Kind.BREAK, ""));
                }
                continue;
            }
            String quote = quoted(line);
            if (quote != null) {
                indents.clear();
                blocks.add(MarkupBlock.of(Kind.QUOTE, quote));
                continue;
            }
            Matcher item = ITEM.matcher(line);
            if (item.matches()) {
                int indent = width(item.group(1));
                int level = level(indents, indent, item.group(2));
                boolean ordered = Character.isDigit(item.group(2).charAt(0));
                blocks.add(new MarkupBlock(Kind.ITEM, item.group(3), level, ordered));
                continue;
            }
            indents.clear();
            String stripped = line.strip();
            blocks.add(MarkupBlock.of(heading(stripped) ? Kind.HEADING : Kind.LINE, stripped));
        }
    }

    /** A line that is one bold span, a colon allowed after it: "*Today*", "*Blockers:*", "*Today*:". */
    private static boolean heading(String line) {
        String s = line.endsWith(":") ? line.substring(0, line.length() - 1).stripTrailing() : line;
        if (s.length() < 3 || s.charAt(0) != '*' || s.charAt(s.length() - 1) != '*') {
            return false;
        }
        String inner = s.substring(1, s.length() - 1);
        return inner.indexOf('*') < 0 && !inner.isBlank() && !Character.isWhitespace(inner.charAt(0));
    }

    /** The quoted text of a {@code >} line (Slack sends {@code &gt;}), or null. */
    private static String quoted(String line) {
        String s = line.stripLeading();
        String rest = s.startsWith("&gt;") ? s.substring(4) : s.startsWith(">") ? s.substring(1) : null;
        if (rest == null) {
            return null;
        }
        return rest.startsWith(" ") ? rest.substring(1) : rest;
    }

    private static int level(Deque<Integer> indents, int indent, String bullet) {
        while (!indents.isEmpty() && indents.peek() > indent) {
            indents.pop();
        }
        if (indents.isEmpty() || indents.peek() < indent) {
            indents.push(indent);
        }
        int byIndent = indents.size() - 1;
        int byBullet = bullet.equals("◦") ? 1 : bullet.equals("▪") || bullet.equals("▫") ? 2 : 0;
        return Math.min(Math.max(byIndent, byBullet), 5);
    }

    private static int width(String indent) {
        int w = 0;
        for (char c : indent.toCharArray()) {
            w += c == '\t' ? 4 : 1;
        }
        return w;
    }
}
