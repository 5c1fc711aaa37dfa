package dev.worklens.report.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Says plainly that this page is not built yet, instead of failing. */
@Controller
class ReportPlaceholderPage {

    @GetMapping("/reports")
    String page(Model model) {
        model.addAttribute("title", "Work report");
        model.addAttribute("active", "reports");
        model.addAttribute("text", "Reports arrive with the work-report feature: pick a member and a range here.");
        return "placeholder";
    }
}
