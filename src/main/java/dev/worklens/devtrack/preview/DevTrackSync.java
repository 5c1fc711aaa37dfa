package dev.worklens.devtrack.preview;

import dev.worklens.devtrack.notion.NotionApiException;
import dev.worklens.devtrack.notion.NotionClient;
import dev.worklens.devtrack.notion.NotionPage;
import dev.worklens.devtrack.notion.NotionReader;
import dev.worklens.devtrack.notion.NotionTrack;
import dev.worklens.devtrack.notion.TrackPageParser;
import dev.worklens.devtrack.sheet.DevTrackException;
import dev.worklens.devtrack.sheet.SheetBook;
import dev.worklens.devtrack.sheet.SheetsGateway;
import dev.worklens.devtrack.sheet.TabMatcher;
import dev.worklens.devtrack.sheet.TrackTab;
import dev.worklens.system.ErrorWords;
import dev.worklens.system.Settings;
import dev.worklens.system.retry.RetryClock;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.OperatorScope;
import dev.worklens.team.Roster;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notion → Sheet: a preview reads every developer page and the Sheet and stores per-member diffs;
 * apply writes only what a preview showed, and only to tabs unchanged since.
 */
@Service
public class DevTrackSync {

    private static final Logger log = LoggerFactory.getLogger(DevTrackSync.class);

    private final Settings.Notion notion;
    private final SheetsGateway sheets;
    private final Roster roster;
    private final Previews previews;
    private final Clock clock;
    private final NotionReader reader;
    private final OperatorScope scope;
    private final boolean production;

    DevTrackSync(
            Settings settings,
            SheetsGateway sheets,
            Roster roster,
            Previews previews,
            Clock clock,
            JsonMapper json,
            RetryClock retryClock,
            OperatorScope scope) {
        this.scope = scope;
        this.production = settings.app().env().isProduction();
        this.notion = settings.notion();
        this.sheets = sheets;
        this.roster = roster;
        this.previews = previews;
        this.clock = clock;
        this.reader = new NotionReader(new NotionClient(notion.apiUrl(), notion.apiKey(), json, retryClock));
    }

    /** The settings still to set, in words; empty when both sides are configured. */
    public List<String> missingSettings() {
        List<String> missing = new ArrayList<>();
        if (!notion.configured()) {
            missing.add(
                    "Notion: set NOTION_API_KEY and NOTION_DEV_TRACK_DATABASE_ID (optionally NOTION_DEV_TRACK_VIEW_ID).");
        }
        if (!sheets.configured()) {
            missing.add("Google Sheets: set GOOGLE_SHEETS_CREDENTIALS_JSON and DEV_TRACK_SHEET_ID.");
        }
        return missing;
    }

    public Preview preview(Operator operator) {
        List<String> missing = missingSettings();
        if (!missing.isEmpty()) {
            throw new DevTrackException("Dev track sync is not configured. " + String.join(" ", missing));
        }
        List<NotionPage> pages;
        try {
            pages = reader.pages(notion.databaseId(), notion.viewId());
        } catch (NotionApiException e) {
            throw new DevTrackException(notionWords(e));
        }
        SheetBook book = sheets.freshBook();
        List<Member> members = roster.members(operator.id());
        Map<String, List<String>> developersByTab = new HashMap<>();
        List<Match> matches = new ArrayList<>();
        for (NotionPage page : pages) {
            Member member = member(page.developer(), members);
            Set<String> words = new java.util.HashSet<>(TabMatcher.words(page.developer()));
            if (member != null) {
                words.addAll(TabMatcher.words(member));
            }
            List<String> tabs = TabMatcher.tabsFor(words, book.titles());
            tabs.forEach(t ->
                    developersByTab.computeIfAbsent(t, k -> new ArrayList<>()).add(page.developer()));
            matches.add(new Match(page, member, tabs));
        }
        List<Preview.Developer> developers = new ArrayList<>();
        boolean everyone = scope.isAdmin(operator);
        for (Match match : matches) {
            // an operator previews (and so may apply) only the developers on their own roster
            if (everyone || match.member != null) {
                developers.add(developer(match, book, developersByTab));
            }
        }
        Preview preview = new Preview(UUID.randomUUID().toString(), clock.instant(), developers);
        previews.save(operator.id(), preview);
        return preview;
    }

    private Preview.Developer developer(Match match, SheetBook book, Map<String, List<String>> developersByTab) {
        NotionPage page = match.page;
        String name = page.developer();
        if (match.tabs.isEmpty()) {
            return failed(
                    match,
                    null,
                    Preview.NO_TAB,
                    "No tab in the dev-track Sheet matches " + name
                            + ": rename their tab to include their name (a word of 3+ letters).");
        }
        if (match.tabs.size() > 1) {
            return failed(
                    match,
                    null,
                    Preview.AMBIGUOUS,
                    "Tabs " + String.join(", ", match.tabs) + " all match " + name
                            + "; rename them so only one shares a word with the name.");
        }
        String tabTitle = match.tabs.get(0);
        List<String> sharing = developersByTab.get(tabTitle);
        if (sharing.size() > 1) {
            return failed(
                    match,
                    tabTitle,
                    Preview.AMBIGUOUS,
                    "Tab '" + tabTitle + "' matches " + String.join(" and ", sharing)
                            + "; rename it to the full name of one person.");
        }
        TrackTab tab = book.tab(tabTitle).orElseThrow();
        try {
            NotionTrack track = TrackPageParser.parse(page.id(), reader.blocks(page.id()));
            List<SkillChange> changes = SkillDiff.changes(track, tab);
            FocusPlan focus = FocusPlan.of(track);
            return new Preview.Developer(
                    page.id(),
                    name,
                    tabTitle,
                    memberId(match),
                    memberName(match),
                    Preview.OK,
                    null,
                    changes,
                    focus.add(),
                    focus.remove(),
                    tab.sheetId(),
                    tab.fingerprint(),
                    track,
                    focus);
        } catch (NotionApiException e) {
            return failed(match, tabTitle, Preview.ERROR, notionWords(e));
        } catch (RuntimeException e) {
            log.warn("dev-track preview of {} failed", page.id(), e);
            return failed(
                    match,
                    tabTitle,
                    Preview.ERROR,
                    "Could not read this page: " + ErrorWords.of("reading the page", e, production));
        }
    }

    /**
     * Applies the chosen developers (all ok ones when none are named); one failure never stops the
     * rest. Serialised, so two clicks on one preview cannot both pass the unchanged-tab check.
     */
    public synchronized List<Preview.Result> apply(Preview preview, List<String> pageIds) {
        List<Preview.Developer> chosen = pageIds == null || pageIds.isEmpty()
                ? preview.developers().stream().filter(Preview.Developer::ok).toList()
                : preview.developers().stream()
                        .filter(d -> pageIds.contains(d.notionPageId()))
                        .toList();
        List<Preview.Result> results = new ArrayList<>();
        if (pageIds != null) {
            for (String id : pageIds) {
                if (preview.developers().stream()
                        .noneMatch(d -> d.notionPageId().equals(id))) {
                    results.add(new Preview.Result(id, null, "skipped", "This page is not in the preview."));
                }
            }
        }
        SheetBook book = null;
        String bookError = null;
        if (chosen.stream().anyMatch(Preview.Developer::ok)) {
            try {
                book = sheets.freshBook();
            } catch (DevTrackException e) {
                bookError = e.getMessage();
            }
        }
        for (Preview.Developer developer : chosen) {
            results.add(
                    bookError != null && developer.ok()
                            ? result(developer, "failed", bookError)
                            : applyOne(developer, book));
        }
        return results;
    }

    private Preview.Result applyOne(Preview.Developer developer, SheetBook book) {
        if (!developer.ok()) {
            return result(
                    developer, "skipped", "Status was " + developer.status() + " in the preview: " + developer.error());
        }
        TrackTab tab = book.tab(developer.sheetId()).orElse(null);
        if (tab == null || !tab.fingerprint().equals(developer.fingerprint())) {
            return result(
                    developer, "stale", "Tab '" + developer.tab() + "' changed since the preview: preview again.");
        }
        try {
            var requests = SheetWrites.requests(tab, developer.track(), SkillDiff.changes(developer.track(), tab));
            if (!requests.isEmpty()) {
                sheets.batchUpdate(requests);
            }
        } catch (DevTrackException e) {
            return result(developer, "failed", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("dev-track apply to tab {} failed", developer.tab(), e);
            return result(
                    developer,
                    "failed",
                    "Writing tab '" + developer.tab() + "' failed: " + ErrorWords.of("writing the tab", e, production));
        }
        FocusPlan focus = developer.focus();
        try {
            for (String id : focus.removeIds()) {
                reader.deleteBlock(id);
            }
            if (!focus.add().isEmpty()) {
                reader.appendBullets(focus.parentId(), focus.afterBlockId(), focus.add());
            }
        } catch (NotionApiException e) {
            return result(
                    developer,
                    "failed",
                    "The Sheet was updated, but the Notion Focus Areas were not: " + notionWords(e));
        }
        return result(developer, "applied", null);
    }

    private static Preview.Result result(Preview.Developer developer, String state, String error) {
        return new Preview.Result(developer.notionPageId(), developer.developer(), state, error);
    }

    private static Preview.Developer failed(Match match, String tab, String status, String error) {
        return new Preview.Developer(
                match.page.id(),
                match.page.developer(),
                tab,
                memberId(match),
                memberName(match),
                status,
                error,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                FocusPlan.NONE);
    }

    private static Long memberId(Match match) {
        return match.member == null ? null : match.member.id();
    }

    private static String memberName(Match match) {
        return match.member == null ? null : match.member.displayName();
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

    static String notionWords(NotionApiException e) {
        return switch (e.status()) {
            case 401 -> "Notion refused NOTION_API_KEY (" + e.getMessage() + "): create a new integration secret.";
            case 403, 404 ->
                "Notion could not find it (" + e.getMessage()
                        + "): share the dev-track database with the integration (••• → Connections) and check"
                        + " NOTION_DEV_TRACK_DATABASE_ID / NOTION_DEV_TRACK_VIEW_ID.";
            default -> "Notion answered " + (e.status() == 0 ? "nothing" : e.status()) + ": " + e.getMessage();
        };
    }

    private record Match(NotionPage page, Member member, List<String> tabs) {}
}
