package dev.worklens.devtrack.sheet;

import dev.worklens.team.Member;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A tab belongs to a person when its name shares a word of three or more letters with one of the
 * person's names or their email's local part, ignoring case.
 */
public final class TabMatcher {

    private TabMatcher() {}

    public static Set<String> words(String... names) {
        return Stream.of(names)
                .filter(n -> n != null && !n.isBlank())
                .flatMap(n -> Arrays.stream(n.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")))
                .filter(w -> w.codePointCount(0, w.length()) >= 3)
                .collect(Collectors.toSet());
    }

    public static Set<String> words(Member member) {
        String local = member.email() == null ? null : member.email().replaceAll("@.*$", "");
        return words(member.displayName(), member.realName(), local);
    }

    public static boolean matches(Set<String> personWords, String tabTitle) {
        return words(tabTitle).stream().anyMatch(personWords::contains);
    }

    public static List<String> tabsFor(Set<String> personWords, Collection<String> tabTitles) {
        return tabTitles.stream().filter(t -> matches(personWords, t)).toList();
    }
}
