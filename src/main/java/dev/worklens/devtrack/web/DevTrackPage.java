package dev.worklens.devtrack.web;

import dev.worklens.devtrack.preview.DevTrackPeople;
import dev.worklens.devtrack.preview.DevTrackSync;
import dev.worklens.devtrack.preview.Preview;
import dev.worklens.devtrack.preview.Previews;
import dev.worklens.devtrack.preview.SyncFor;
import dev.worklens.devtrack.sheet.DevTrackException;
import dev.worklens.devtrack.sheet.SheetsGateway;
import dev.worklens.devtrack.sheet.SkillStatus;
import dev.worklens.system.Settings;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.Operator;
import dev.worklens.team.Roster;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Dev track page: fetch and preview, read the per-member diffs, apply on an explicit action. */
@Controller
class DevTrackPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '('VV')'");

    private static final Map<String, String> COLOURS =
            Arrays.stream(SkillStatus.values()).collect(Collectors.toMap(SkillStatus::code, SkillStatus::hex));

    private final DevTrackSync sync;
    private final Previews previews;
    private final CurrentOperator current;
    private final SheetsGateway sheets;
    private final Settings settings;
    private final DevTrackPeople people;
    private final Roster roster;

    DevTrackPage(
            DevTrackSync sync,
            Previews previews,
            CurrentOperator current,
            SheetsGateway sheets,
            Settings settings,
            DevTrackPeople people,
            Roster roster) {
        this.people = people;
        this.roster = roster;
        this.sync = sync;
        this.previews = previews;
        this.current = current;
        this.sheets = sheets;
        this.settings = settings;
    }

    @GetMapping("/devtrack")
    String page(@RequestParam(required = false) String preview, Model model) {
        Operator operator = current.signedIn();
        model.addAttribute("missing", sync.missingSettings());
        model.addAttribute("colours", COLOURS);
        model.addAttribute("roster", roster.members(operator.id()));
        model.addAttribute("admin", people.isAdmin(operator));
        var shown = preview == null ? previews.latest(operator.id()) : previews.find(operator.id(), preview);
        model.addAttribute(
                "syncFor", shown.map(p -> SyncFor.stored(p.syncFor())).orElse(SyncFor.ALL));
        shown.ifPresent(p -> {
            model.addAttribute("preview", p);
            model.addAttribute("summary", p.summary());
            model.addAttribute(
                    "previewedAt",
                    TIME.format(p.createdAt().atZone(settings.app().reportTimezone())));
        });
        if (sheets.configured()) {
            try {
                model.addAttribute("serviceAccount", sheets.serviceAccountEmail());
            } catch (DevTrackException e) {
                model.addAttribute("credentialsError", e.getMessage());
            }
        }
        return "devtrack/devtrack";
    }

    @PostMapping("/devtrack/preview")
    String preview(
            @RequestParam(defaultValue = "all") String who,
            @RequestParam(name = "member", required = false) List<String> members,
            RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        try {
            SyncFor syncFor =
                    "members".equals(who) ? SyncFor.parse(members == null ? List.of() : members) : SyncFor.parse(who);
            Preview preview = sync.preview(operator, syncFor);
            redirect.addAttribute("preview", preview.id());
        } catch (DevTrackException | ApiException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/devtrack";
    }

    @PostMapping("/devtrack/apply")
    String apply(
            @RequestParam String previewId,
            @RequestParam(required = false) List<String> developers,
            RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        var preview = previews.find(operator.id(), previewId);
        if (preview.isEmpty()) {
            redirect.addFlashAttribute("flashError", "That preview is gone: fetch and preview again.");
            return "redirect:/devtrack";
        }
        if (developers == null || developers.isEmpty()) {
            redirect.addAttribute("preview", previewId);
            redirect.addFlashAttribute("flashError", "Tick at least one developer to apply.");
            return "redirect:/devtrack";
        }
        List<Preview.Result> results = sync.apply(operator, preview.get(), developers);
        redirect.addFlashAttribute("results", results);
        long applied = results.stream().filter(r -> r.state().equals("applied")).count();
        redirect.addFlashAttribute("flash", applied + " of " + results.size() + " developer(s) applied.");
        // preview the same people again, so what the page shows is what the Sheet now holds
        try {
            Preview fresh = sync.preview(operator, SyncFor.stored(preview.get().syncFor()));
            redirect.addAttribute("preview", fresh.id());
            redirect.addFlashAttribute("refreshed", true);
        } catch (DevTrackException | ApiException e) {
            redirect.addFlashAttribute(
                    "flashError", "Applied, but previewing again failed (" + e.getMessage() + "): preview again.");
        }
        return "redirect:/devtrack";
    }
}
