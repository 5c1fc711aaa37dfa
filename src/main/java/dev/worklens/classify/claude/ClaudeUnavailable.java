package dev.worklens.classify.claude;

/**
 * Claude gave no usable answer (after retries, or with an error that retrying cannot fix). The
 * message is safe to log: it carries the status and error type, never request text or the key.
 */
public class ClaudeUnavailable extends Exception {

    public ClaudeUnavailable(String message) {
        super(message);
    }
}
