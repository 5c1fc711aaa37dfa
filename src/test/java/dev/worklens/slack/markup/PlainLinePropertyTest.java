package dev.worklens.slack.markup;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Plain rendering skips lines with nothing to render; what it gives must be what rendering gives. */
class PlainLinePropertyTest {

    @Property(tries = 3000)
    void sameAsTheWholeRendering(@ForAll("lines") String line) {
        assertThat(InlineMarkup.plain(line)).as(line).isEqualTo(InlineMarkup.rendered(line));
    }

    @Property(tries = 500)
    void unmarkedLinesStayAsTheyAre(@ForAll("words") String line) {
        assertThat(InlineMarkup.unmarked(line)).isTrue();
        assertThat(InlineMarkup.rendered(line)).isEqualTo(line);
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.strings()
                .withChars("ab c*_~`<>&:|@#!/.-\uE000\uE001\uE002•é")
                .withChars("tada")
                .ofMaxLength(40)
                .injectDuplicates(0.05)
                .edgeCases(e -> e.add("amp; &lt;b&gt; :tada: <@U1|bo> `x`"));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withChars("abc xyz.,!?-()•é0123456789'\"").ofMaxLength(60);
    }
}
