package dev.worklens.classify.web;

import dev.worklens.classify.ClaudeStatus;
import dev.worklens.classify.MemberInsights;
import dev.worklens.system.Settings;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.Member;
import dev.worklens.team.OperatorScope;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The report's "Refresh with Claude": insights for the shown range are written again on demand. */
@Controller
class RefreshWithClaude {

    private final CurrentOperator current;
    private final OperatorScope scope;
    private final MemberInsights insights;
    private final ClaudeStatus status;
    private final Settings settings;

    RefreshWithClaude(
            CurrentOperator current,
            OperatorScope scope,
            MemberInsights insights,
            ClaudeStatus status,
            Settings settings) {
        this.current = current;
        this.scope = scope;
        this.insights = insights;
        this.status = status;
        this.settings = settings;
    }

    @PostMapping("/reports/{memberId}/refresh-with-claude")
    String refresh(
            @PathVariable long memberId,
            @RequestParam String from,
            @RequestParam String to,
            RedirectAttributes redirect) {
        Member member = scope.member(current.signedIn(), memberId);
        String back = UriComponentsBuilder.fromPath("/reports/{id}")
                .queryParam("from", from)
                .queryParam("to", to)
                .buildAndExpand(memberId)
                .encode()
                .toUriString();
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(from);
            end = LocalDate.parse(to);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("flashError", "The range to refresh is not two dates such as 2026-11-20.");
            return "redirect:/reports/" + memberId;
        }
        if (!status.canRefresh()) {
            String note = status.reportNote();
            redirect.addFlashAttribute(
                    "flashError", note != null ? note : "Claude is off on this server: set ANTHROPIC_API_KEY.");
            return "redirect:" + back;
        }
        var written = insights.refresh(member, start, end, settings.app().reportTimezone());
        if (written.isPresent()) {
            redirect.addFlashAttribute("flash", "Claude wrote the insights again for " + from + " to " + to + ".");
        } else {
            String note = status.reportNote();
            redirect.addFlashAttribute(
                    "flashError",
                    note != null
                            ? note
                            : "Claude gave no insights this time (nothing in the range, or a passing failure);"
                                    + " the summary shown stays. Try again in a minute.");
        }
        return "redirect:" + back;
    }
}
