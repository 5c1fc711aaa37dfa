package dev.worklens.devtrack.preview;

import dev.worklens.devtrack.notion.NotionPage;
import dev.worklens.devtrack.sheet.TabMatcher;
import dev.worklens.team.Member;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who claims which tab. Every developer page claims the tabs sharing a word with the developer or
 * their roster member; every roster member without a page claims the tabs sharing a word with their
 * names. A tab claimed by two people is ambiguous: it is shown and never written, even when only one
 * of the two has a Notion page ("Nadia &amp; Nikolai" with Nikolai only on the roster).
 */
final class TabClaims {

    private final Map<String, Member> memberByPage = new LinkedHashMap<>();
    private final Map<String, List<String>> tabsByPage = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> claimantsByTab = new LinkedHashMap<>();

    private TabClaims() {}

    static TabClaims of(List<NotionPage> pages, List<Member> roster, List<String> tabTitles) {
        var claims = new TabClaims();
        Set<Long> withPage = new HashSet<>();
        for (NotionPage page : pages) {
            Member member = member(page.developer(), roster);
            Set<String> words = new HashSet<>(TabMatcher.words(page.developer()));
            if (member != null) {
                words.addAll(TabMatcher.words(member));
                withPage.add(member.id());
            }
            List<String> tabs = TabMatcher.tabsFor(words, tabTitles);
            claims.memberByPage.put(page.id(), member);
            claims.tabsByPage.put(page.id(), tabs);
            String key = member != null ? DevTrackPeople.personKey(member) : "page:" + page.id();
            tabs.forEach(t -> claims.claim(t, key, page.developer()));
        }
        for (Member member : roster) {
            if (!withPage.contains(member.id())) {
                TabMatcher.tabsFor(TabMatcher.words(member), tabTitles)
                        .forEach(t -> claims.claim(t, DevTrackPeople.personKey(member), member.displayName()));
            }
        }
        return claims;
    }

    private void claim(String tab, String personKey, String name) {
        claimantsByTab.computeIfAbsent(tab, k -> new LinkedHashMap<>()).putIfAbsent(personKey, name);
    }

    Member member(NotionPage page) {
        return memberByPage.get(page.id());
    }

    List<String> tabs(NotionPage page) {
        return tabsByPage.getOrDefault(page.id(), List.of());
    }

    /** The names of everyone claiming the tab, in the order they claimed it. */
    List<String> claimants(String tab) {
        return new ArrayList<>(claimantsByTab.getOrDefault(tab, Map.of()).values());
    }

    /** The roster member a developer name means: the same name, else the only one sharing a word. */
    static Member member(String developer, List<Member> members) {
        String key = Member.nameKey(developer);
        List<Member> same =
                members.stream().filter(m -> m.nameKeys().anyMatch(key::equals)).toList();
        if (same.size() == 1) {
            return same.get(0);
        }
        Set<String> words = TabMatcher.words(developer);
        List<Member> sharing = members.stream()
                .filter(m -> TabMatcher.words(m).stream().anyMatch(words::contains))
                .toList();
        return sharing.size() == 1 ? sharing.get(0) : null;
    }
}
