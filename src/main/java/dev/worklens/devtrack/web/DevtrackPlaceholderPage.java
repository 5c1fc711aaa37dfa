package dev.worklens.devtrack.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Says plainly that this page is not built yet, instead of failing. */
@Controller
class DevtrackPlaceholderPage {

    @GetMapping("/devtrack")
    String page(Model model) {
        model.addAttribute("title", "Dev track");
        model.addAttribute("active", "devtrack");
        model.addAttribute("text", "The Notion → Google Sheet dev-track sync arrives with the dev-track feature.");
        return "placeholder";
    }
}
