package dev.worklens.devtrack.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.team.Member;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tab matching")
class TabMatcherTest {

    static Member member(String display, String real, String email) {
        return new Member(1, 1, "U1", display, real, email, null, false);
    }

    @Test
    @DisplayName("a shared word of 3+ letters from display name, real name or email local part, ignoring case")
    void sharedWord() {
        var don = TabMatcher.words(member("Donny", "Nguyen Van", "don.vo@example.com"));
        assertThat(don).contains("donny", "nguyen", "van", "don").doesNotContain("vo", "example");
        assertThat(TabMatcher.tabsFor(don, List.of("DON VO", "Vo Thi", "Dev Track Legend", "Lan_Nguyen", "Donald")))
                .containsExactly("DON VO", "Lan_Nguyen");
    }

    @Test
    @DisplayName("email local parts split on dots, underscores and dashes; two-letter words never match")
    void emailParts() {
        var words = TabMatcher.words(member("x", null, "mai_anh-tran@corp.io"));
        assertThat(words).containsExactlyInAnyOrder("mai", "anh", "tran");
        assertThat(TabMatcher.matches(TabMatcher.words(member("Vo", null, null)), "Vo"))
                .isFalse();
    }
}
