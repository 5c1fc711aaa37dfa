package dev.worklens.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Slack markup")
class SlackMarkupTest {

    @Nested
    @DisplayName("as HTML")
    class Html {

        static Stream<Arguments> texts() {
            return Stream.of(
                    Arguments.of("plain words", "hello world", "<p>hello world</p>"),
                    Arguments.of("bold", "a *bold* b", "<p>a <b>bold</b> b</p>"),
                    Arguments.of("italic", "_slanted_", "<p><i>slanted</i></p>"),
                    Arguments.of("strike", "~gone~ now", "<p><s>gone</s> now</p>"),
                    Arguments.of(
                            "nested emphasis", "*bold _and italic_* text", "<p><b>bold <i>and italic</i></b> text</p>"),
                    Arguments.of("snake_case stays", "call snake_case_name now", "<p>call snake_case_name now</p>"),
                    Arguments.of("2*3*4 stays", "2*3*4 = 24", "<p>2*3*4 &#61; 24</p>"),
                    Arguments.of(
                            "code span keeps markers",
                            "run `a *b* <c>` now",
                            "<p>run <code>a *b* &lt;c&gt;</code> now</p>"),
                    Arguments.of(
                            "pre block",
                            "see\n```\nif (a < b) {\n  *x*\n}```",
                            "<p>see</p><pre><code>if (a &lt; b) {\n  *x*\n}</code></pre>"),
                    Arguments.of("line breaks", "one\ntwo", "<p>one<br />two</p>"),
                    Arguments.of("paragraphs", "one\n\ntwo", "<p>one</p><p>two</p>"),
                    Arguments.of(
                            "quote",
                            "&gt; quoted *text*\n&gt; more\nafter",
                            "<blockquote>quoted <b>text</b><br />more</blockquote><p>after</p>"),
                    Arguments.of("bullets", "• one\n• two", "<ul><li>one</li><li>two</li></ul>"),
                    Arguments.of(
                            "nested bullets by indent",
                            "- a\n  - b\n    - c\n- d",
                            "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ul>"),
                    Arguments.of(
                            "nested bullets by Slack's symbols",
                            "• a\n    ◦ b\n• c",
                            "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>"),
                    Arguments.of("numbered", "1. first\n2. second", "<ol><li>first</li><li>second</li></ol>"),
                    Arguments.of("heading", "*Yesterday*\n• shipped", "<h4>Yesterday</h4><ul><li>shipped</li></ul>"),
                    Arguments.of("heading with colon", "*Blockers:*\nnone", "<h4>Blockers</h4><p>none</p>"),
                    Arguments.of(
                            "link with label",
                            "see <https://example.com/a?b=1&amp;c=2|the doc>",
                            "<p>see <a href=\"https://example.com/a?b&#61;1&amp;c&#61;2\" target=\"_blank\""
                                    + " rel=\"nofollow noopener noreferrer\">the doc</a></p>"),
                    Arguments.of(
                            "bare link",
                            "<http://x.io>",
                            "<p><a href=\"http://x.io\" target=\"_blank\" rel=\"nofollow noopener noreferrer\">http://x.io</a></p>"),
                    Arguments.of(
                            "mailto",
                            "<mailto:a@b.co|a@b.co>",
                            "<p><a href=\"mailto:a&#64;b.co\" target=\"_blank\" rel=\"nofollow noopener noreferrer\">a&#64;b.co</a></p>"),
                    Arguments.of(
                            "user mention",
                            "thanks <@U1|ana>",
                            "<p>thanks <span class=\"mention\">&#64;ana</span></p>"),
                    Arguments.of("unknown user", "<@U9>", "<p><span class=\"mention\">&#64;U9</span></p>"),
                    Arguments.of("channel", "in <#C1|general>", "<p>in <span class=\"mention\">#general</span></p>"),
                    Arguments.of(
                            "usergroup",
                            "<!subteam^S1|@backend> look",
                            "<p><span class=\"mention\">&#64;backend</span> look</p>"),
                    Arguments.of("here", "<!here> standup", "<p><span class=\"mention\">&#64;here</span> standup</p>"),
                    Arguments.of("date token shows its fallback", "<!date^1700000000^{date}|Nov 14>", "<p>Nov 14</p>"),
                    Arguments.of("emoji", "done :white_check_mark: :tada:", "<p>done ✅ &#x1f389;</p>"),
                    Arguments.of("custom emoji stays", ":party-parrot:", "<p>:party-parrot:</p>"),
                    Arguments.of("entities", "a &lt; b &amp;&amp; c &gt; d", "<p>a &lt; b &amp;&amp; c &gt; d</p>"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("texts")
        void renders(String name, String markup, String html) {
            assertThat(SlackMarkup.html(markup)).isEqualTo(html);
        }
    }

    @Nested
    @DisplayName("hostile text never becomes active HTML")
    class Hostile {

        static final String ALLOWED_TAG = "</?(p|br|b|i|s|code|pre|blockquote|ul|ol|li|h4)( /)?>"
                + "|<span class=\"mention\">|</span>|</a>"
                + "|<a href=\"[^\"<>]*\" target=\"_blank\" rel=\"nofollow noopener noreferrer\">";

        static Stream<String> texts() {
            return Stream.of(
                    "<script>alert(1)</script>",
                    "&lt;script&gt;alert(1)&lt;/script&gt;",
                    "<javascript:alert(1)|click me>",
                    "<JaVaScRiPt:alert(1)>",
                    "<data:text/html;base64,PHNjcmlwdD4=|x>",
                    "<https://x.io\" onmouseover=\"alert(1)|label>",
                    "<https://x.io|<img src=x onerror=alert(1)>>",
                    "&lt;img src=x onerror=alert(1)&gt;",
                    "*&lt;b onclick=alert(1)&gt;*",
                    "<@U1|&lt;script&gt;alert(1)&lt;/script&gt;>",
                    "<#C1|\"><svg onload=alert(1)>>",
                    "```</code></pre><script>alert(1)</script>```",
                    "`</code><iframe src=javascript:alert(1)>`",
                    "\uE001\uE002 placeholders *x*",
                    ":white_check_mark:<script>");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("texts")
        void isInert(String markup) {
            String html = SlackMarkup.html(markup);
            // every tag is an allowed formatting tag; attributes only class, href, target and rel
            assertThat(html.replaceAll(ALLOWED_TAG, "")).doesNotContain("<");
            assertThat(html).doesNotContainPattern("(?i)<[^>]*\\son\\w*=");
            assertThat(html).doesNotContainPattern("href=\"(?!https?:|mailto:)");
        }

        @Test
        @Timeout(30) // generous: the build machine is shared; measured 2 s for all eight on a loaded one
        @DisplayName("texts at Slack's 40,000-character limit made of markers render in bounded time")
        void longRunsStayFast() {
            SlackMarkup.html(":tada:"); // the emoji table loads once, not part of what is measured
            for (String unit : List.of("*_~`<", "- ", ":a", "<@U1>", "*a ", "• x\n", "&gt; ", "```")) {
                String hostile = unit.repeat(40_000 / unit.length());
                assertThat(SlackMarkup.html(hostile)).isNotNull();
                assertThat(SlackMarkup.plain(hostile)).isNotNull();
            }
        }
    }

    @Nested
    @DisplayName("as plain text")
    class Plain {

        @Test
        void standupReadsWithoutMarkers() {
            String standup = "*Yesterday:*\n• worked on *feature flags*\n    ◦ the <https://x.io/1|rollout doc>\n"
                    + "*Today*\n1. review <@U2|ben>'s PR :eyes:\n*Blockers*\n_none_";
            assertThat(SlackMarkup.plain(standup))
                    .isEqualTo("Yesterday\n• worked on feature flags\n  • the rollout doc (https://x.io/1)\n"
                            + "Today\n1. review @ben's PR 👀\nBlockers\nnone");
        }

        @Test
        void answersDropQuestionHeaders() {
            assertThat(SlackMarkup.answers("*Today*\n- a\n  - b\n*Blockers:*\nnone"))
                    .containsExactly(
                            new SlackMarkup.Answer(0, "a"),
                            new SlackMarkup.Answer(1, "b"),
                            new SlackMarkup.Answer(0, "none"));
        }

        @Test
        void emptyAndNull() {
            assertThat(SlackMarkup.plain(null)).isEmpty();
            assertThat(SlackMarkup.html("")).isEmpty();
            assertThat(SlackMarkup.answers("\n\n")).isEqualTo(List.of());
        }
    }
}
