package dev.worklens.team.web;

import dev.worklens.team.AccountCheck;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.LoginChecks;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ConnectPage {

    private final CurrentOperator current;
    private final Operators operators;
    private final List<AccountCheck> checks;
    private final LoginChecks logins;

    private final dev.worklens.team.Roster roster;

    ConnectPage(
            CurrentOperator current,
            Operators operators,
            List<AccountCheck> checks,
            LoginChecks logins,
            dev.worklens.team.Roster roster) {
        this.roster = roster;
        this.current = current;
        this.operators = operators;
        this.logins = logins;
        this.checks = checks.stream()
                .sorted(Comparator.comparingInt(AccountCheck::order))
                .toList();
    }

    @GetMapping("/connect")
    String connect(Model model) {
        Operator operator = current.signedIn();
        model.addAttribute("operator", operator);
        model.addAttribute(
                "accounts", checks.stream().map(c -> c.check(operator)).toList());
        return "team/connect";
    }

    @PostMapping("/connect/github-login")
    String linkGithub(@RequestParam(required = false) String githubLogin, RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        var fields = new MemberFields(null, "x", null, null, githubLogin);
        var problems = fields.problems(false);
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("flashError", String.join(" ", problems));
        } else {
            try {
                var login = logins.check(fields.githubLogin());
                var before = roster.members(operator.id()).stream()
                        .filter(dev.worklens.team.Member::isOperator)
                        .findFirst();
                operators.linkGithubLogin(operator.id(), login.login(), login.checked());
                before.ifPresent(
                        b -> roster.find(b.id()).ifPresent(after -> TeamPage.offerOldLoginCleanup(b, after, redirect)));
                redirect.addFlashAttribute(
                        "flash",
                        login.login() == null
                                ? "GitHub login unlinked."
                                : "Your GitHub login is now " + login.login() + "."
                                        + (login.note() == null ? "" : " " + login.note()));
            } catch (LoginChecks.UnknownLogin e) {
                redirect.addFlashAttribute("flashError", e.getMessage());
            }
        }
        return "redirect:/connect";
    }
}
