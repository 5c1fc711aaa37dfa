package dev.worklens.devtrack.sheet;

/** A dev-track problem whose message tells a manager what to do about it. */
public class DevTrackException extends RuntimeException {

    public DevTrackException(String message) {
        super(message);
    }

    public DevTrackException(String message, Throwable cause) {
        super(message, cause);
    }
}
