package dev.worklens.system;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The mark of a demo started by {@code java -jar worklens.jar demo} in this JVM. The demo passes a
 * random token as {@code worklens.demo}; a {@code WORKLENS_DEMO} set in the environment of a
 * normal start carries no such token, and the start is refused.
 */
public final class DemoRun {

    public static final String PROPERTY = "worklens.demo";

    private static volatile String token;

    private DemoRun() {}

    /** Marks this JVM as running the demo and returns the value for {@value #PROPERTY}. */
    public static synchronized String begin() {
        if (token == null) {
            byte[] bytes = new byte[16];
            new SecureRandom().nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
        }
        return token;
    }

    public static boolean isCurrent(String value) {
        String current = token;
        return current != null && current.equals(value);
    }
}
