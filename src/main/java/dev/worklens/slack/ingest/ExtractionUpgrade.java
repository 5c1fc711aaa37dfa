package dev.worklens.slack.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After an upgrade whose extraction rules are newer than the stored units, re-extracts in the
 * background once the server is up, so a manager sees the new rules without re-syncing. Off for
 * one-shot commands, which run their own work.
 */
@Component
class ExtractionUpgrade {

    private static final Logger log = LoggerFactory.getLogger(ExtractionUpgrade.class);

    private final ExtractionState state;
    private final Reextraction reextraction;
    private final boolean enabled;

    ExtractionUpgrade(
            ExtractionState state,
            Reextraction reextraction,
            @Value("${worklens.reextract-on-start:true}") boolean enabled) {
        this.state = state;
        this.reextraction = reextraction;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!enabled) {
            return;
        }
        int stored = state.last().map(ExtractionState.Last::rulesVersion).orElse(1);
        if (stored >= ExtractionState.RULES_VERSION) {
            return;
        }
        if (!state.anyMessages()) {
            state.record(ExtractionState.RULES_VERSION, java.time.Instant.now(), new Reextraction.Result(0, 0, 0));
            return;
        }
        log.info(
                "Slack extraction rules changed ({} → {}): re-extracting stored messages",
                stored,
                ExtractionState.RULES_VERSION);
        Thread worker = new Thread(
                () -> {
                    try {
                        reextraction.run();
                    } catch (RuntimeException e) {
                        log.warn(
                                "Re-extraction after the upgrade failed; run `reextract` or use the Sync page: {}",
                                e.getMessage());
                    }
                },
                "slack-reextract");
        worker.setDaemon(true);
        worker.start();
    }
}
