package dev.worklens.sync.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Says plainly that this page is not built yet, instead of failing. */
@Controller
class SyncPlaceholderPage {

    @GetMapping("/sync")
    String page(Model model) {
        model.addAttribute("title", "Sync");
        model.addAttribute("active", "sync");
        model.addAttribute("text", "Syncs arrive with the sync engine: this page will start, watch and cancel syncs.");
        return "placeholder";
    }
}
