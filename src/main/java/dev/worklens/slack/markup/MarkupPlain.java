package dev.worklens.slack.markup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Blocks as plain text, for copying, CSV, summaries and the classifier: no markers, lists as bullets. */
public final class MarkupPlain {

    private MarkupPlain() {}

    public static String render(List<MarkupBlock> blocks) {
        var out = new StringBuilder();
        Map<Integer, Integer> numbers = new HashMap<>();
        for (MarkupBlock b : blocks) {
            if (b.kind() != MarkupBlock.Kind.ITEM) {
                numbers.clear();
            }
            switch (b.kind()) {
                case LINE -> line(out, InlineMarkup.plain(b.text()));
                case HEADING -> line(out, InlineMarkup.plain(MarkupHtml.headingText(b.text())));
                case QUOTE -> line(out, "> " + InlineMarkup.plain(b.text()));
                case PRE -> line(out, Entities.decode(b.text()).stripTrailing());
                case ITEM -> {
                    numbers.keySet().removeIf(level -> level > b.level());
                    int n = numbers.merge(b.level(), 1, Integer::sum);
                    String bullet = b.ordered() ? n + ". " : "• ";
                    line(out, "  ".repeat(b.level()) + bullet + InlineMarkup.plain(b.text()));
                }
                case BREAK -> out.append('\n');
            }
        }
        return out.toString().strip();
    }

    private static void line(StringBuilder out, String text) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        out.append(text).append('\n');
    }
}
