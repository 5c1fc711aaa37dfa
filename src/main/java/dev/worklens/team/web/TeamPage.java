package dev.worklens.team.web;

import dev.worklens.team.CurrentOperator;
import dev.worklens.team.LoginChecks;
import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.MemberTimeZone;
import dev.worklens.team.Operator;
import dev.worklens.team.Roster;
import dev.worklens.team.WorkspaceDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

@Controller
class TeamPage {

    private static final List<String> ZONES = java.time.ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.equals("UTC") || (z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")))
            .sorted()
            .toList();

    private final Roster roster;
    private final CurrentOperator current;
    private final ObjectProvider<WorkspaceDirectory> directory;
    private final LoginChecks logins;

    TeamPage(Roster roster, CurrentOperator current, ObjectProvider<WorkspaceDirectory> directory, LoginChecks logins) {
        this.roster = roster;
        this.current = current;
        this.directory = directory;
        this.logins = logins;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/reports";
    }

    @GetMapping("/team")
    String team(Model model) {
        Operator operator = current.signedIn();
        List<Member> members = roster.members(operator.id());
        model.addAttribute("members", members);
        model.addAttribute("uncheckedLogins", roster.uncheckedLogins(operator.id()));
        model.addAttribute(
                "withGithub", members.stream().filter(Member::hasGithubLogin).count());
        model.addAttribute(
                "onRoster",
                members.stream()
                        .map(Member::slackUserId)
                        .filter(id -> id != null)
                        .collect(Collectors.toSet()));
        model.addAttribute("zones", ZONES);
        loadDirectory(operator, model);
        return "team/team";
    }

    private void loadDirectory(Operator operator, Model model) {
        WorkspaceDirectory dir = directory.getIfAvailable();
        if (dir == null || operator.isLocal()) {
            model.addAttribute(
                    "directoryError",
                    "Importing needs Sign in with Slack (Connect accounts). You can still add members by hand.");
            return;
        }
        try {
            model.addAttribute("people", dir.people(operator));
        } catch (WorkspaceDirectory.DirectoryUnavailableException e) {
            model.addAttribute("directoryError", e.getMessage());
        }
    }

    @PostMapping("/team/import")
    String importPeople(@RequestParam(required = false) List<String> slackUserIds, RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        if (slackUserIds == null || slackUserIds.isEmpty()) {
            redirect.addFlashAttribute("flashError", "Pick at least one person to add.");
            return "redirect:/team";
        }
        WorkspaceDirectory dir = directory.getIfAvailable();
        if (dir == null) {
            redirect.addFlashAttribute("flashError", "Slack is not connected.");
            return "redirect:/team";
        }
        try {
            Set<String> wanted = Set.copyOf(slackUserIds);
            var chosen = dir.people(operator).stream()
                    .filter(p -> wanted.contains(p.slackUserId()))
                    .toList();
            long added = roster.importPeople(operator.id(), chosen).stream()
                    .filter(Roster.Added::created)
                    .count();
            redirect.addFlashAttribute("flash", added + " member(s) added.");
        } catch (WorkspaceDirectory.DirectoryUnavailableException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/team";
    }

    @PostMapping("/team/members")
    String add(
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String realName,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String githubLogin,
            @RequestParam(required = false) String slackUserId,
            RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        var fields = new MemberFields(slackUserId, displayName, realName, email, githubLogin);
        List<String> problems = fields.problems(true);
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("errors", problems);
            return "redirect:/team";
        }
        LoginChecks.CheckedLogin login;
        try {
            login = logins.check(fields.githubLogin());
        } catch (LoginChecks.UnknownLogin e) {
            redirect.addFlashAttribute("errors", List.of(e.getMessage()));
            return "redirect:/team";
        }
        var added = roster.add(operator.id(), fields.withGithubLogin(login.login()));
        if (added.created()) {
            roster.recordLoginCheck(added.member().id(), login.checked());
        }
        redirect.addFlashAttribute(
                "flash",
                added.created()
                        ? added.member().displayName() + " added." + noteOf(login)
                        : added.member().displayName() + " is already on the roster.");
        return "redirect:/team";
    }

    @PostMapping("/team/members/{id}")
    String edit(
            @PathVariable long id,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String realName,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String githubLogin,
            @RequestParam(required = false) String tz,
            RedirectAttributes redirect) {
        Member member = ownMember(id);
        var fields = new MemberFields(null, displayName, realName, email, githubLogin);
        List<String> problems = new ArrayList<>(fields.problems(true));
        MemberTimeZone.problem(tz).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("errors", problems);
            return "redirect:/team";
        }
        List<String> cleared = new ArrayList<>();
        if (fields.realName() == null) cleared.add("real_name");
        if (fields.email() == null) cleared.add("email");
        if (fields.githubLogin() == null) cleared.add("github_login");
        LoginChecks.CheckedLogin login = null;
        if (fields.githubLogin() != null && !fields.githubLogin().equals(member.githubLogin())) {
            try {
                login = logins.check(fields.githubLogin());
            } catch (LoginChecks.UnknownLogin e) {
                redirect.addFlashAttribute("errors", List.of(e.getMessage()));
                return "redirect:/team";
            }
            fields = fields.withGithubLogin(login.login());
        }
        Member saved = roster.update(member, fields, cleared);
        if (login != null) {
            roster.recordLoginCheck(saved.id(), login.checked());
        }
        if (tz != null && !tz.strip().equals(member.tz() == null ? "" : member.tz())) {
            saved = roster.setTimeZone(saved, tz);
        }
        redirect.addFlashAttribute("flash", saved.displayName() + " saved." + noteOf(login));
        return "redirect:/team";
    }

    private static String noteOf(LoginChecks.CheckedLogin login) {
        return login == null || login.note() == null ? "" : " " + login.note();
    }

    @PostMapping("/team/members/{id}/remove")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        Member member = ownMember(id);
        if (member.isOperator()) {
            redirect.addFlashAttribute("flashError", "That member cannot be removed.");
            return "redirect:/team";
        }
        roster.remove(member);
        redirect.addFlashAttribute(
                "flash", member.displayName() + " removed. Their synced data stays until a cleanup on the Sync page.");
        return "redirect:/team";
    }

    /** The Team page edits only the signed-in operator's own roster; any other id is 404. */
    private Member ownMember(long id) {
        Operator operator = current.signedIn();
        return roster.find(id)
                .filter(m -> m.operatorId() == operator.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such member on your roster."));
    }
}
