package dev.worklens.sync.web;

import dev.worklens.sync.MemberCleanupKind;
import dev.worklens.sync.MemberCleanupPlan;
import dev.worklens.sync.cleanup.MemberCleanup;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.OperatorScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One member's cleanup from the Sync page: a preview page that lists what would go (channels and
 * logins by name, with counts), then a confirmation that deletes it. A member outside the
 * operator's roster answers 404, as one that does not exist.
 */
@Controller
class MemberCleanupPage {

    static final String PATH = "/sync/cleanup/member";

    private final MemberCleanup cleanup;
    private final CurrentOperator current;
    private final OperatorScope scope;

    MemberCleanupPage(MemberCleanup cleanup, CurrentOperator current, OperatorScope scope) {
        this.cleanup = cleanup;
        this.current = current;
        this.scope = scope;
    }

    @GetMapping(PATH)
    String preview(
            @RequestParam(name = "member", required = false) Long memberId,
            @RequestParam(required = false) String what,
            Model model,
            RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        if (memberId == null) {
            redirect.addFlashAttribute("flashError", "Pick the member whose data to clean up.");
            return "redirect:/sync#cleanup";
        }
        Member member = scope.member(operator, memberId);
        MemberCleanupKind kind;
        try {
            kind = MemberCleanup.kind(what);
        } catch (ApiException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/sync#cleanup";
        }
        model.addAttribute("member", member);
        model.addAttribute("kind", kind);
        try {
            model.addAttribute("plan", cleanup.preview(operator, member, kind));
        } catch (ApiException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return "sync/member-cleanup";
    }

    @PostMapping(PATH)
    String delete(
            @RequestParam(name = "member") long memberId, @RequestParam String what, RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        Member member = scope.member(operator, memberId);
        try {
            MemberCleanupKind kind = MemberCleanup.kind(what);
            MemberCleanupPlan done = cleanup.delete(operator, member, kind);
            redirect.addFlashAttribute(
                    "flash",
                    done.empty()
                            ? "There was nothing to delete (" + kind.words() + ", of " + member.displayName() + ")."
                            : deleted(member, kind, done));
        } catch (ApiException e) {
            redirect.addFlashAttribute("flashError", "Nothing was deleted: " + e.getMessage());
        }
        return "redirect:/sync#cleanup";
    }

    static String deleted(Member member, MemberCleanupKind kind, MemberCleanupPlan plan) {
        StringBuilder s = new StringBuilder("Deleted ")
                .append(plan.workUnits())
                .append(" work units and ")
                .append(plan.storedRows())
                .append(" stored ")
                .append(kind.source().equals("slack") ? "Slack" : "GitHub")
                .append(" rows of ")
                .append(member.displayName())
                .append(" (");
        for (int i = 0; i < plan.groups().size(); i++) {
            var g = plan.groups().get(i);
            s.append(i == 0 ? "" : ", ").append(g.name()).append(": ").append(g.workUnits());
        }
        return s.append(").").toString();
    }
}
