package dev.worklens.patterns.web;

import dev.worklens.patterns.WorkWeeks;
import dev.worklens.team.CurrentOperator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's working hours and days, changed from the rhythm panel or the team health page. */
@Controller
class WorkWeekForm {

    private final WorkWeeks weeks;
    private final CurrentOperator current;

    WorkWeekForm(WorkWeeks weeks, CurrentOperator current) {
        this.weeks = weeks;
        this.current = current;
    }

    @PostMapping("/patterns/work-week")
    String save(
            @RequestParam(required = false) String hours,
            @RequestParam(required = false) String days,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        List<String> problems = weeks.save(current.signedIn().id(), hours, days);
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("flash", "Working hours saved.");
        } else {
            redirect.addFlashAttribute("flashError", String.join(" ", problems));
        }
        return "redirect:" + localPath(back);
    }

    /** Only this server's own pages: an absolute or protocol-relative URL would be an open redirect. */
    static String localPath(String back) {
        if (back == null
                || !back.startsWith("/")
                || back.startsWith("//")
                || back.contains("\\")
                || back.chars().anyMatch(Character::isISOControl)) {
            return "/reports";
        }
        return back;
    }
}
