package dev.worklens.slack.markup;

/**
 * One block of a Slack message as the renderers see it. {@code text} is still Slack markup (inline
 * formatting, tokens, entities); only the block structure has been read.
 *
 * @param level nesting depth of a list item, 0 for the outermost
 */
public record MarkupBlock(Kind kind, String text, int level, boolean ordered) {

    public enum Kind {
        /** A line of running text; consecutive lines form one paragraph. */
        LINE,
        /** A line that is bold on its own, as standup questions are ("*Yesterday*"). */
        HEADING,
        ITEM,
        QUOTE,
        PRE,
        /** An empty line: ends a paragraph, a list or a quote. */
        BREAK
    }

    static MarkupBlock of(Kind kind, String text) {
        return new MarkupBlock(kind, text, 0, false);
    }
}
