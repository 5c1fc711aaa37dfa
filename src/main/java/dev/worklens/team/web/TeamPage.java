package dev.worklens.team.web;

import dev.worklens.team.CurrentOperator;
import dev.worklens.team.LoginChecks;
import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.MemberTimeZone;
import dev.worklens.team.OldLoginOffer;
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
    String team(@RequestParam(required = false) String q, Model model) {
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
        loadDirectory(operator, model, q == null || q.isBlank() ? null : q.strip());
        return "team/team";
    }

    /** Every word of the query appears in the display name, the real name or the email. */
    static boolean matches(WorkspaceDirectory.WorkspacePerson person, String query) {
        String text = (nonNull(person.displayName()) + " " + nonNull(person.realName()) + " " + nonNull(person.email()))
                .toLowerCase(java.util.Locale.ROOT);
        return java.util.Arrays.stream(query.toLowerCase(java.util.Locale.ROOT).split("\\s+"))
                .allMatch(text::contains);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private void loadDirectory(Operator operator, Model model, String query) {
        model.addAttribute("q", query);
        WorkspaceDirectory dir = directory.getIfAvailable();
        if (dir == null || operator.isLocal()) {
            model.addAttribute(
                    "directoryError",
                    "Importing needs Sign in with Slack (Connect accounts). You can still add members by hand.");
            return;
        }
        try {
            model.addAttribute(
                    "people",
                    dir.people(operator).stream()
                            .filter(p -> query == null || matches(p, query))
                            .toList());
        } catch (WorkspaceDirectory.DirectoryUnavailableException e) {
            model.addAttribute("directoryError", e.getMessage());
        }
    }

    @PostMapping("/team/import")
    String importPeople(
            @RequestParam(required = false) List<String> slackUserIds,
            @RequestParam java.util.Map<String, String> form,
            RedirectAttributes redirect) {
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
            // logins typed for the people being added are checked before anyone is added
            java.util.Map<String, LoginChecks.CheckedLogin> typedLogins = new java.util.HashMap<>();
            List<String> problems = new ArrayList<>();
            for (var person : chosen) {
                String typed = form.get("githubLogin_" + person.slackUserId());
                var fields = new MemberFields(null, "x", null, null, typed);
                if (fields.githubLogin() == null) {
                    continue;
                }
                List<String> invalid = fields.problems(false);
                if (!invalid.isEmpty()) {
                    problems.addAll(invalid);
                    continue;
                }
                try {
                    typedLogins.put(person.slackUserId(), logins.check(fields.githubLogin()));
                } catch (LoginChecks.UnknownLogin e) {
                    problems.add(e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                redirect.addFlashAttribute("errors", problems);
                return "redirect:/team";
            }
            var added = roster.importPeople(operator.id(), chosen).stream()
                    .filter(Roster.Added::created)
                    .map(Roster.Added::member)
                    .toList();
            int withLogin = 0;
            for (Member member : added) {
                var login = typedLogins.get(member.slackUserId());
                if (login != null) {
                    roster.update(member, new MemberFields(null, null, null, null, login.login()), List.of());
                    roster.recordLoginCheck(member.id(), login.checked());
                    withLogin++;
                }
            }
            redirect.addFlashAttribute(
                    "flash",
                    added.size() + " member(s) added" + (withLogin > 0 ? ", " + withLogin + " with a GitHub login" : "")
                            + ".");
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
        offerOldLoginCleanup(member, saved, redirect);
        return "redirect:/team";
    }

    static void offerOldLoginCleanup(Member before, Member after, RedirectAttributes redirect) {
        OldLoginOffer.replaced(before.githubLogin(), after.githubLogin()).ifPresent(old -> {
            redirect.addFlashAttribute("flashLinkHref", OldLoginOffer.previewPath(after.id()));
            redirect.addFlashAttribute("flashLinkText", OldLoginOffer.words(after.displayName(), old));
        });
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
