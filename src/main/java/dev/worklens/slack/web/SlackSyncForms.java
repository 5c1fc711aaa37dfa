package dev.worklens.slack.web;

import dev.worklens.slack.ingest.ChannelPatterns;
import dev.worklens.slack.ingest.IgnoredChannelCleanup;
import dev.worklens.slack.ingest.Reextraction;
import dev.worklens.slack.ingest.SlackPreferences;
import dev.worklens.system.GlobList;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.Operator;
import java.util.Optional;
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
    private final Reextraction reextraction;

    SlackSyncForms(
            CurrentOperator current,
            SlackPreferences preferences,
            IgnoredChannelCleanup cleanup,
            Reextraction reextraction) {
        this.current = current;
        this.preferences = preferences;
        this.cleanup = cleanup;
        this.reextraction = reextraction;
    }

    @PostMapping("/slack/ignored-channels")
    String savePatterns(@RequestParam(required = false) String patterns, RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        Optional<ChannelPatterns> read = read("ignored-channel", patterns, redirect);
        if (read.isEmpty()) {
            return "redirect:/sync";
        }
        ChannelPatterns parsed = read.get();
        preferences.saveIgnoredChannels(operator.id(), parsed);
        redirect.addFlashAttribute(
                "flash",
                parsed.globs().isEmpty()
                        ? "No Slack channels are ignored now."
                        : "Ignored Slack channels: " + parsed.text() + ". Next syncs skip them; clean up what was"
                                + " stored from them below.");
        return "redirect:/sync";
    }

    @PostMapping("/slack/standup-channels")
    String saveStandupPatterns(@RequestParam(required = false) String patterns, RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        Optional<ChannelPatterns> read = read("standup-channel", patterns, redirect);
        if (read.isEmpty()) {
            return "redirect:/sync";
        }
        ChannelPatterns parsed = read.get();
        preferences.saveStandupPatterns(operator.id(), parsed);
        redirect.addFlashAttribute(
                "flash",
                parsed.globs().isEmpty()
                        ? "No channel is a standup channel by its name now."
                        : "Standup channels by name: " + parsed.text() + ". Re-extract below to apply this to"
                                + " messages already synced.");
        return "redirect:/sync";
    }

    /** The patterns as typed, or empty with the reason in the flash when they cannot be saved. */
    private static Optional<ChannelPatterns> read(String kind, String patterns, RedirectAttributes redirect) {
        String text = patterns == null ? "" : patterns;
        if (text.length() > MAX_PATTERNS_LENGTH) {
            redirect.addFlashAttribute(
                    "flashError",
                    "The " + kind + " patterns are too long (at most " + MAX_PATTERNS_LENGTH + " characters).");
            return Optional.empty();
        }
        try {
            return Optional.of(ChannelPatterns.parse(text));
        } catch (GlobList.InvalidGlobsException e) {
            redirect.addFlashAttribute("flashError", e.getMessage() + " Nothing was saved.");
            return Optional.empty();
        }
    }

    /**
     * Runs in the background: over a large store it takes longer than a request should, and the
     * panel shows when it ended and what it did.
     */
    @PostMapping("/slack/reextract")
    String reextract(RedirectAttributes redirect) {
        current.signedIn();
        if (reextraction.running()) {
            redirect.addFlashAttribute(
                    "flash", "A re-extraction is already running; its result shows below when it ends.");
            return "redirect:/sync";
        }
        Thread worker = new Thread(
                () -> {
                    try {
                        reextraction.run();
                    } catch (IllegalStateException e) {
                        // another request started one first: that one's result shows
                    }
                },
                "slack-reextract");
        worker.setDaemon(true);
        worker.start();
        redirect.addFlashAttribute(
                "flash",
                "Re-extraction started: work units are derived again from the stored Slack messages, without"
                        + " calling Slack. Reload this page to see when it ended.");
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
