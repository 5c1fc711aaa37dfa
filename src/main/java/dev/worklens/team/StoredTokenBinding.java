package dev.worklens.team;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At start, binds to their row the token ciphertexts stored before ciphertexts were bound. */
@Component
class StoredTokenBinding {

    private static final Logger log = LoggerFactory.getLogger(StoredTokenBinding.class);

    private final Operators operators;

    StoredTokenBinding(Operators operators) {
        this.operators = operators;
    }

    @EventListener(ApplicationReadyEvent.class)
    void bind() {
        int bound = operators.bindStoredTokens();
        if (bound > 0) {
            log.info("Bound {} stored Slack token(s) to their operator row", bound);
        }
    }
}
