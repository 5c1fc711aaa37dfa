package dev.worklens.slack.markup;

import dev.worklens.slack.markup.MarkupBlock.Kind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Blocks as HTML, passed through an allowlist before anyone sees it: whatever the renderer might get
 * wrong, the page gets only these elements, links only to http, https and mailto, and no attribute
 * that runs anything.
 */
public final class MarkupHtml {

    /** Links open apart from the report and tell the target nothing about it. */
    static final String LINK_RELS = "nofollow noopener noreferrer";

    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "b", "i", "s", "code", "pre", "blockquote", "ul", "ol", "li", "h4", "span", "a")
            .allowAttributes("class")
            .matching(false, "mention")
            .onElements("span")
            .allowAttributes("href")
            .onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("target")
            .matching(false, "_blank")
            .onElements("a")
            .allowAttributes("rel")
            .matching(false, LINK_RELS)
            .onElements("a")
            .toFactory();

    private MarkupHtml() {}

    public static String render(List<MarkupBlock> blocks) {
        var out = new StringBuilder();
        Deque<Boolean> lists = new ArrayDeque<>(); // open list elements, true when ordered
        boolean inParagraph = false;
        boolean inQuote = false;
        for (MarkupBlock b : blocks) {
            if (b.kind() != Kind.ITEM) {
                closeLists(out, lists, -1);
            }
            if (inParagraph && b.kind() != Kind.LINE) {
                out.append("</p>");
                inParagraph = false;
            }
            if (inQuote && b.kind() != Kind.QUOTE) {
                out.append("</blockquote>");
                inQuote = false;
            }
            switch (b.kind()) {
                case LINE -> {
                    out.append(inParagraph ? "<br>" : "<p>").append(InlineMarkup.html(b.text()));
                    inParagraph = true;
                }
                case HEADING ->
                    out.append("<h4>")
                            .append(InlineMarkup.html(headingText(b.text())))
                            .append("</h4>");
                case QUOTE -> {
                    out.append(inQuote ? "<br>" : "<blockquote>").append(InlineMarkup.html(b.text()));
                    inQuote = true;
                }
                case PRE ->
                    out.append("<pre><code>")
                            .append(Entities.escape(Entities.decode(b.text())))
                            .append("</code></pre>");
                case ITEM -> item(out, lists, b);
                case BREAK -> {}
            }
        }
        closeLists(out, lists, -1);
        if (inParagraph) {
            out.append("</p>");
        }
        if (inQuote) {
            out.append("</blockquote>");
        }
        return POLICY.sanitize(out.toString());
    }

    /** The question of a heading line without its bold markers and colon. */
    public static String headingText(String line) {
        String s = line.strip();
        if (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        s = s.substring(1, s.length() - 1).strip();
        return s.endsWith(":") ? s.substring(0, s.length() - 1).strip() : s;
    }

    private static void item(StringBuilder out, Deque<Boolean> lists, MarkupBlock b) {
        closeLists(out, lists, b.level());
        if (lists.size() == b.level() + 1 && lists.peek() != b.ordered()) {
            closeLists(out, lists, b.level() - 1);
        }
        while (lists.size() < b.level() + 1) {
            // a sub-list sits inside the open item; a jump of two levels opens empty items between
            if (!lists.isEmpty()
                    && out.length() >= 5
                    && out.substring(out.length() - 5).equals("</li>")) {
                out.setLength(out.length() - 5);
            } else if (!lists.isEmpty()) {
                out.append("<li>");
            }
            out.append(b.ordered() ? "<ol>" : "<ul>");
            lists.push(b.ordered());
        }
        out.append("<li>").append(InlineMarkup.html(b.text())).append("</li>");
    }

    /** Closes open lists until {@code keep} + 1 stay open. */
    private static void closeLists(StringBuilder out, Deque<Boolean> lists, int keep) {
        while (lists.size() > keep + 1) {
            out.append(lists.pop() ? "</ol>" : "</ul>");
            if (!lists.isEmpty()) {
                out.append("</li>");
            }
        }
    }
}
