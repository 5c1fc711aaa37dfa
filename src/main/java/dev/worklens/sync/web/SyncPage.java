package dev.worklens.sync.web;

import dev.worklens.activity.StaleMemberData;
import dev.worklens.sync.SyncPagePanel;
import dev.worklens.sync.cleanup.StaleMembers;
import dev.worklens.sync.engine.JobView;
import dev.worklens.sync.engine.SyncJobs;
import dev.worklens.sync.engine.SyncRequests;
import dev.worklens.sync.engine.SyncSources;
import dev.worklens.sync.engine.SyncStarter;
import dev.worklens.sync.schedule.ScheduleForm;
import dev.worklens.sync.schedule.Schedules;
import dev.worklens.system.Settings;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.Operator;
import dev.worklens.team.OperatorScope;
import dev.worklens.team.Roster;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Sync page: start, watch and cancel syncs, manage schedules, clean up removed members' data. */
@Controller
class SyncPage {

    static final int RECENT = 15;

    private final SyncJobs jobs;
    private final SyncRequests requests;
    private final SyncStarter starter;
    private final SyncSources sources;
    private final Schedules schedules;
    private final ScheduleForm scheduleForm;
    private final StaleMembers staleMembers;
    private final Roster roster;
    private final CurrentOperator current;
    private final ObjectProvider<SyncPagePanel> panels;
    private final LocalTimes times;
    private final OperatorScope scope;

    SyncPage(
            SyncJobs jobs,
            SyncRequests requests,
            SyncStarter starter,
            SyncSources sources,
            Schedules schedules,
            ScheduleForm scheduleForm,
            StaleMembers staleMembers,
            Roster roster,
            CurrentOperator current,
            ObjectProvider<SyncPagePanel> panels,
            Settings settings,
            OperatorScope scope) {
        this.scope = scope;
        this.jobs = jobs;
        this.requests = requests;
        this.starter = starter;
        this.sources = sources;
        this.schedules = schedules;
        this.scheduleForm = scheduleForm;
        this.staleMembers = staleMembers;
        this.roster = roster;
        this.current = current;
        this.panels = panels;
        this.times = new LocalTimes(settings.app().reportTimezone());
    }

    /** A removed member's data in the preview, by name. */
    record StaleRow(String name, long workUnits, long insights) implements java.io.Serializable {}

    /** A panel another module adds, with the values it computed for this operator. */
    record Panel(String template, Map<String, Object> values) {}

    @GetMapping("/sync")
    String page(Model model) {
        Operator operator = current.signedIn();
        addJobs(operator, model);
        LocalDate today = requests.today();
        model.addAttribute("members", roster.members(operator.id()));
        model.addAttribute("today", today);
        model.addAttribute("defaultFrom", today.minusDays(SyncRequests.DEFAULT_DAYS - 1L));
        model.addAttribute("defaultDays", SyncRequests.DEFAULT_DAYS);
        model.addAttribute("sourceIds", SyncSources.KNOWN);
        model.addAttribute(
                "installed",
                SyncSources.KNOWN.stream().filter(sources::installed).toList());
        List<dev.worklens.sync.schedule.Schedule> mine = schedules.of(operator.id());
        model.addAttribute("schedules", mine);
        model.addAttribute("covers", covers(operator, mine));
        model.addAttribute("weekdays", weekdays(mine));
        model.addAttribute("defaultZone", times.zone().getId());
        model.addAttribute(
                "panels",
                panels.stream()
                        .sorted(Comparator.comparingInt(SyncPagePanel::order))
                        .map(p -> new Panel(p.template(), p.values(operator)))
                        .toList());
        return "sync/sync";
    }

    /**
     * Who each schedule covers, in names: "Everyone" for the whole roster, else the members its spec
     * names today (a member removed since is no longer synced, and says so).
     */
    private Map<Long, String> covers(Operator operator, List<dev.worklens.sync.schedule.Schedule> list) {
        Map<Long, String> covers = new java.util.HashMap<>();
        for (var s : list) {
            List<String> names = requests.storedMembers(operator, s.membersSpec()).stream()
                    .map(m -> m.displayName())
                    .toList();
            String text = switch (s.membersSpec()) {
                case "all" -> "Everyone";
                case "me" -> "Me" + (names.isEmpty() ? "" : " (" + names.get(0) + ")");
                case "team" -> "My team" + (names.isEmpty() ? " (nobody yet)" : ": " + String.join(", ", names));
                default -> {
                    long named = s.membersSpec().split(",").length;
                    String who = names.isEmpty() ? "nobody" : String.join(", ", names);
                    yield named > names.size() ? who + " (" + (named - names.size()) + " removed since)" : who;
                }
            };
            covers.put(s.id(), text);
        }
        return covers;
    }

    /** "Mon, Tue, Fri" rather than the set's own spelling. */
    private static Map<Long, String> weekdays(List<dev.worklens.sync.schedule.Schedule> list) {
        Map<Long, String> days = new java.util.HashMap<>();
        for (var s : list) {
            days.put(
                    s.id(),
                    s.days().stream()
                            .sorted()
                            .map(d -> d.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH))
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
        return days;
    }

    /** The job list alone, for htmx polling while anything runs. */
    @GetMapping("/sync/jobs")
    String jobsFragment(Model model) {
        addJobs(current.signedIn(), model);
        return "sync/jobs :: jobs";
    }

    private void addJobs(Operator operator, Model model) {
        List<JobView> recent = jobs.recent(operator.id(), RECENT);
        model.addAttribute("jobs", recent);
        model.addAttribute("anyOpen", recent.stream().anyMatch(JobView::open));
        model.addAttribute("times", times);
    }

    @PostMapping("/sync/jobs")
    String start(
            @RequestParam(defaultValue = "all") String who,
            @RequestParam(required = false) List<Long> memberIds,
            @RequestParam(defaultValue = "last") String rangeKind,
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) List<String> sources,
            @RequestParam(required = false) String githubMode,
            RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        try {
            Object members = "pick".equals(who) ? (memberIds == null ? List.of() : memberIds) : who;
            String start = from;
            String end = to;
            if ("6months".equals(rangeKind)) {
                LocalDate today = requests.today();
                start = today.minusMonths(6).plusDays(1).toString();
                end = today.toString();
            } else if (!"custom".equals(rangeKind)) {
                int n = days == null ? SyncRequests.DEFAULT_DAYS : days;
                if (n < 1 || n > SyncRequests.MAX_DAYS) {
                    throw ApiException.invalid("days", "Pick between 1 and " + SyncRequests.MAX_DAYS + " days.");
                }
                LocalDate today = requests.today();
                start = today.minusDays(n - 1L).toString();
                end = today.toString();
            }
            var request =
                    requests.request(operator, members, sources == null ? List.of() : sources, start, end, githubMode);
            long id = starter.start(request);
            redirect.addFlashAttribute("flash", "Sync " + id + " started; progress shows below.");
        } catch (ApiException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/sync";
    }

    @PostMapping("/sync/jobs/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        var job = jobs.job(id).filter(j -> scope.mayActFor(operator, j.operatorId()));
        if (job.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such sync of yours.");
        }
        if (!job.get().open()) {
            redirect.addFlashAttribute(
                    "flashError",
                    "Sync " + id + " already ended (" + job.get().state().code() + ").");
        } else {
            jobs.requestCancel(id);
            redirect.addFlashAttribute("flash", "Cancelling sync " + id + ": tasks stop at their next page.");
        }
        return "redirect:/sync";
    }

    @PostMapping("/sync/schedules")
    String createSchedule(
            @RequestParam(defaultValue = "all") String who,
            @RequestParam(required = false) List<Long> memberIds,
            @RequestParam(required = false) List<String> sources,
            @RequestParam(required = false) String githubMode,
            @RequestParam(required = false) List<String> days,
            @RequestParam(required = false) String time,
            @RequestParam(required = false) String timezone,
            @RequestParam(required = false) Integer rangeDays,
            RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        try {
            Object members = "pick".equals(who) ? (memberIds == null ? List.of() : memberIds) : who;
            var s = scheduleForm.create(
                    operator,
                    members,
                    sources == null ? List.of() : sources,
                    githubMode,
                    days,
                    time,
                    timezone,
                    rangeDays);
            redirect.addFlashAttribute("flash", "Schedule saved; it first runs at " + times.at(s.nextRunAt()) + ".");
        } catch (ApiException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/sync#schedules";
    }

    @PostMapping("/sync/schedules/{id}/delete")
    String deleteSchedule(@PathVariable long id, RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        boolean mine = schedules
                .find(id)
                .filter(s -> scope.mayActFor(operator, s.operatorId()))
                .isPresent();
        if (!mine || !schedules.delete(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such schedule of yours.");
        }
        redirect.addFlashAttribute("flash", "Schedule deleted.");
        return "redirect:/sync#schedules";
    }

    @PostMapping("/sync/cleanup/stale-members")
    String cleanupStaleMembers(@RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        if (!confirm) {
            List<StaleMemberData.Counts> preview = staleMembers.preview(operator);
            redirect.addFlashAttribute(
                    "stalePreview",
                    preview.stream()
                            .map(c -> new StaleRow(staleMembers.name(c.memberId()), c.workUnits(), c.insights()))
                            .toList());
            if (preview.isEmpty()) {
                redirect.addFlashAttribute("flash", "No data of removed members is left; nothing to clean up.");
            }
        } else {
            List<StaleMemberData.Counts> deleted = staleMembers.delete(operator);
            long units = deleted.stream()
                    .mapToLong(StaleMemberData.Counts::workUnits)
                    .sum();
            long insights =
                    deleted.stream().mapToLong(StaleMemberData.Counts::insights).sum();
            redirect.addFlashAttribute(
                    "flash",
                    "Deleted " + units + " work units and " + insights + " insights of " + deleted.size()
                            + " removed member(s).");
        }
        return "redirect:/sync#cleanup";
    }
}
