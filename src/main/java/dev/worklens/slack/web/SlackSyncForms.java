package dev.worklens.slack.web;

import dev.worklens.slack.ingest.ChannelPatterns;
import dev.worklens.slack.ingest.IgnoredChannelCleanup;
import dev.worklens.slack.ingest.SlackPreferences;
import dev.worklens.system.GlobList;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.Operator;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The forms of Slack's Sync page panel; each ends back on the Sync page. */
@Controller
class SlackSyncForms {

    private static final int MAX_PATTERNS_LENGTH = 6000;

    private final CurrentOperator current;
    private final SlackPreferences preferences;
    private final IgnoredChannelCleanup cleanup;

    SlackSyncForms(CurrentOperator current, SlackPreferences preferences, IgnoredChannelCleanup cleanup) {
        this.current = current;
        this.preferences = preferences;
        this.cleanup = cleanup;
    }

    @PostMapping("/slack/ignored-channels")
    String savePatterns(@RequestParam(required = false) String patterns, RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        String text = patterns == null ? "" : patterns;
        if (text.length() > MAX_PATTERNS_LENGTH) {
            redirect.addFlashAttribute(
                    "flashError",
                    "The ignored-channel patterns are too long (at most " + MAX_PATTERNS_LENGTH + " characters).");
            return "redirect:/sync";
        }
        ChannelPatterns parsed;
        try {
            parsed = ChannelPatterns.parse(text);
        } catch (GlobList.InvalidGlobsException e) {
            redirect.addFlashAttribute("flashError", e.getMessage() + " Nothing was saved.");
            return "redirect:/sync";
        }
        preferences.saveIgnoredChannels(operator.id(), parsed);
        redirect.addFlashAttribute(
                "flash",
                parsed.globs().isEmpty()
                        ? "No Slack channels are ignored now."
                        : "Ignored Slack channels: " + parsed.text() + ". Next syncs skip them; clean up what was"
                                + " stored from them below.");
        return "redirect:/sync";
    }

    @PostMapping("/slack/cleanup/preview")
    String preview(RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        redirect.addFlashAttribute("slackCleanup", cleanup.run(operator, false, true));
        return "redirect:/sync";
    }

    @PostMapping("/slack/cleanup/confirm")
    String confirm(RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        var done = cleanup.run(operator, false, false);
        redirect.addFlashAttribute(
                "flash",
                done.channels().isEmpty()
                        ? "No stored channel matches the ignored patterns; nothing was deleted."
                        : "Deleted " + done.messages() + " messages and " + done.workUnits() + " work units from "
                                + String.join(", ", done.channels()) + ".");
        return "redirect:/sync";
    }
}
