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
import dev.worklens.devtrack.sheet.TrackTab;
import dev.worklens.system.ErrorWords;
import dev.worklens.system.Settings;
import dev.worklens.system.retry.RetryClock;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
    private final DevTrackPeople people;
    private final Previews previews;
    private final Clock clock;
    private final NotionReader reader;
    private final boolean production;

    DevTrackSync(
            Settings settings,
            SheetsGateway sheets,
            DevTrackPeople people,
            Previews previews,
            Clock clock,
            JsonMapper json,
            RetryClock retryClock) {
        this.production = settings.app().env().isProduction();
        this.notion = settings.notion();
        this.sheets = sheets;
        this.people = people;
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

    /**
     * Reads the chosen people's pages and the Sheet; pages of anyone else are not fetched. Tabs are
     * matched against everyone in the operator's reach, so a tab two people share is ambiguous.
     */
    public Preview preview(Operator operator, SyncFor syncFor) {
        DevTrackPeople.People chosen = people.resolve(operator, syncFor);
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
        TabClaims claims = TabClaims.of(pages, chosen.inReach(), book.titles());
        List<Preview.Developer> developers = new ArrayList<>();
        int leftOut = 0;
        for (NotionPage page : pages) {
            if (chosen.includes(claims.member(page))) {
                developers.add(developer(page, claims, book));
            } else {
                leftOut++;
            }
        }
        Preview preview =
                new Preview(UUID.randomUUID().toString(), clock.instant(), syncFor.asStored(), leftOut, developers);
        previews.save(operator.id(), preview);
        return preview;
    }

    private Preview.Developer developer(NotionPage page, TabClaims claims, SheetBook book) {
        Member member = claims.member(page);
        String name = page.developer();
        List<String> tabs = claims.tabs(page);
        if (tabs.isEmpty()) {
            return failed(
                    page,
                    member,
                    null,
                    Preview.NO_TAB,
                    "No tab in the dev-track Sheet matches " + name
                            + ": rename their tab to include their name (a word of 3+ letters).");
        }
        if (tabs.size() > 1) {
            return failed(
                    page,
                    member,
                    null,
                    Preview.AMBIGUOUS,
                    "Tabs " + String.join(", ", tabs) + " all match " + name
                            + "; rename them so only one shares a word with the name.");
        }
        String tabTitle = tabs.get(0);
        List<String> sharing = claims.claimants(tabTitle);
        if (sharing.size() > 1) {
            return failed(
                    page,
                    member,
                    tabTitle,
                    Preview.AMBIGUOUS,
                    "Tab '" + tabTitle + "' matches " + String.join(" and ", sharing)
                            + "; it is not written until it is renamed to the full name of one person.");
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
                    member == null ? null : member.id(),
                    member == null ? null : member.displayName(),
                    Preview.OK,
                    null,
                    changes,
                    focus.add(),
                    focus.remove(),
                    tab.sheetId(),
                    tab.fingerprint(),
                    track,
                    focus,
                    FocusPlan.missingHeadingWarning(track));
        } catch (NotionApiException e) {
            return failed(page, member, tabTitle, Preview.ERROR, notionWords(e));
        } catch (RuntimeException e) {
            log.warn("dev-track preview of {} failed", page.id(), e);
            return failed(
                    page,
                    member,
                    tabTitle,
                    Preview.ERROR,
                    "Could not read this page: " + ErrorWords.of("reading the page", e, production));
        }
    }

    /**
     * Applies the chosen developers (all ok ones when none are named); one failure never stops the
     * rest. Serialised, so two clicks on one preview cannot both pass the unchanged-tab check.
     */
    public synchronized List<Preview.Result> apply(Operator operator, Preview preview, List<String> pageIds) {
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
            if (developer.ok() && !people.mayApplyFor(operator, developer.memberId())) {
                results.add(result(
                        developer,
                        "skipped",
                        developer.developer() + " is not on your roster (any more): only WORKLENS_ADMINS may"
                                + " apply for people outside it."));
            } else if (bookError != null && developer.ok()) {
                results.add(result(developer, "failed", bookError));
            } else {
                results.add(applyOne(developer, book));
            }
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

    private static Preview.Developer failed(NotionPage page, Member member, String tab, String status, String error) {
        return new Preview.Developer(
                page.id(),
                page.developer(),
                tab,
                member == null ? null : member.id(),
                member == null ? null : member.displayName(),
                status,
                error,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                FocusPlan.NONE,
                null);
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
}
