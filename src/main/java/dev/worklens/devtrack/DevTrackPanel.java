package dev.worklens.devtrack;

import dev.worklens.devtrack.sheet.DevTrackException;
import dev.worklens.devtrack.sheet.SheetBook;
import dev.worklens.devtrack.sheet.SheetsGateway;
import dev.worklens.devtrack.sheet.SkillStatus;
import dev.worklens.devtrack.sheet.TabMatcher;
import dev.worklens.devtrack.sheet.TrackTab;
import dev.worklens.report.DevTrackLookup;
import dev.worklens.report.DevTrackView;
import dev.worklens.team.Member;
import dev.worklens.team.Roster;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The report's Dev track panel: finds the member's tab and reads level, title and skills.
 *
 * <p>The <em>latest working level</em> (PRODUCT.md §10) is the highest level with any coloured skill:
 * vetted, in progress, proposed or in focus. On a tab with no colour yet it is the first level.
 */
@Component
class DevTrackPanel implements DevTrackLookup {

    private final SheetsGateway sheets;
    private final Roster roster;

    DevTrackPanel(SheetsGateway sheets, Roster roster) {
        this.sheets = sheets;
        this.roster = roster;
    }

    @Override
    public DevTrackView lookup(Member member) {
        if (!sheets.configured()) {
            return DevTrackView.error(
                    "Dev track is not configured: set GOOGLE_SHEETS_CREDENTIALS_JSON and DEV_TRACK_SHEET_ID.");
        }
        try {
            SheetBook book = sheets.book();
            List<String> tabs = TabMatcher.tabsFor(TabMatcher.words(member), book.titles());
            if (tabs.isEmpty()) {
                return DevTrackView.error("No tab in the dev-track Sheet matches " + member.displayName()
                        + ": rename their tab to include their name (a word of 3+ letters from their display name,"
                        + " real name or email).");
            }
            if (tabs.size() > 1) {
                return DevTrackView.error("Ambiguous: tabs " + quoted(tabs) + " all match " + member.displayName()
                        + "; rename the tabs so only one shares a word with their name.");
            }
            String tab = tabs.get(0);
            List<String> others = roster.members(member.operatorId()).stream()
                    .filter(m -> m.id() != member.id())
                    .filter(m -> TabMatcher.matches(TabMatcher.words(m), tab))
                    .map(Member::displayName)
                    .toList();
            if (!others.isEmpty()) {
                return DevTrackView.error("Ambiguous: tab '" + tab + "' matches " + member.displayName() + " and "
                        + String.join(", ", others) + "; rename the tab to the full name of one person.");
            }
            return view(book.tab(tab).orElseThrow());
        } catch (DevTrackException e) {
            return DevTrackView.error(e.getMessage());
        }
    }

    static DevTrackView view(TrackTab tab) {
        Optional<TrackTab.Level> current = tab.skills().stream()
                .filter(s -> s.status() != SkillStatus.NOT_STARTED)
                .map(TrackTab.SheetSkill::level)
                .max(Comparator.naturalOrder())
                .flatMap(tab::level)
                .or(() -> tab.levels().stream().min(Comparator.comparingInt(TrackTab.Level::level)));
        List<DevTrackView.Skill> skills = tab.skills().stream()
                .map(s -> new DevTrackView.Skill(
                        s.name(),
                        s.column(),
                        s.level(),
                        s.status().code(),
                        s.note().isEmpty() ? null : s.note()))
                .toList();
        List<DevTrackView.Level> levels = tab.levels().stream()
                .map(l -> new DevTrackView.Level(l.level(), l.title()))
                .toList();
        return new DevTrackView(
                tab.title(),
                current.map(TrackTab.Level::level).orElse(null),
                current.map(TrackTab.Level::title).filter(t -> !t.isBlank()).orElse(null),
                null,
                skills,
                levels);
    }

    private static String quoted(List<String> tabs) {
        return tabs.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "));
    }
}
