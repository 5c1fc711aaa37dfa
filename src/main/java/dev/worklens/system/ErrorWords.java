package dev.worklens.system;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person is told when something failed unexpectedly. Worklens's own exceptions are written
 * as words a person can act on and are shown; a library's exception text (SQL, class names, paths,
 * addresses) is shown outside production only. In production the person gets a sentence and a
 * reference that finds the full exception in the server log.
 */
public final class ErrorWords {

    private static final Logger log = LoggerFactory.getLogger(ErrorWords.class);
    private static final int MAX = 500;

    private ErrorWords() {}

    public static String of(String what, Throwable e, boolean production) {
        String message = e.getMessage();
        boolean ours = e.getClass().getName().startsWith("dev.worklens.");
        if (production && !ours) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.warn("{} failed unexpectedly (reference {})", what, reference, e);
            return what + " stopped with an unexpected error; the server log has the details under reference "
                    + reference + ".";
        }
        if (message == null || message.isBlank()) {
            return what + " stopped with an unexpected error (" + e.getClass().getSimpleName()
                    + "); see the server log.";
        }
        String line = message.strip().lines().findFirst().orElse(message).strip();
        return line.length() > MAX ? line.substring(0, MAX - 1) + "…" : line;
    }
}
