package dev.worklens.slack;

import dev.worklens.slack.markup.InlineMarkup;
import dev.worklens.slack.markup.MarkupBlock;
import dev.worklens.slack.markup.MarkupBlocks;
import dev.worklens.slack.markup.MarkupHtml;
import dev.worklens.slack.markup.MarkupPlain;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of Slack message markup (PRODUCT.md §8). Work units keep a Slack message's text as
 * Slack markup with people, channels and groups already named ({@code <@U1|ana>}), so these
 * renderers need no lookups: {@link #html} for pages (sanitized), {@link #plain} for copying, CSV and
 * summaries, {@link #answers} for the standup digest.
 */
public final class SlackMarkup {

    private SlackMarkup() {}

    /** Safe HTML: only formatting elements, mentions as names, links to http, https and mailto. */
    public static String html(String markup) {
        return MarkupHtml.render(MarkupBlocks.read(markup));
    }

    /** Plain text without markers; list items as "• " lines indented two spaces per level. */
    public static String plain(String markup) {
        return MarkupPlain.render(MarkupBlocks.read(markup));
    }

    /** One line of markup as plain text (a title or a parent's first line). */
    public static String plainLine(String markup) {
        return InlineMarkup.plain(markup == null ? "" : markup);
    }

    /** An answer line of a standup: question headers are left out, list nesting is kept. */
    public record Answer(int level, String text) {}

    /** The lines of a standup that answer something, in order, as plain text. */
    public static List<Answer> answers(String markup) {
        List<Answer> out = new ArrayList<>();
        for (MarkupBlock b : MarkupBlocks.read(markup)) {
            switch (b.kind()) {
                case LINE, QUOTE ->
                    out.add(new Answer(0, InlineMarkup.plain(b.text()).strip()));
                case ITEM ->
                    out.add(new Answer(b.level(), InlineMarkup.plain(b.text()).strip()));
                case PRE -> b.text().lines().filter(l -> !l.isBlank()).forEach(l -> out.add(new Answer(0, l.strip())));
                case HEADING, BREAK -> {}
            }
        }
        out.removeIf(a -> a.text().isEmpty());
        return out;
    }
}
