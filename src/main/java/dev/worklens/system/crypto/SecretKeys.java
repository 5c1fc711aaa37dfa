package dev.worklens.system.crypto;

import dev.worklens.system.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The application's secret and the keys derived from it. Without {@code APP_SECRET_KEY} outside
 * production a random secret is generated once and kept under {@code ./data}, so encrypted
 * tokens and signed sessions survive a restart of a zero-setup install.
 */
@Component
public class SecretKeys {

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
    static final Path GENERATED = Path.of("data", "secret.key");

    private final byte[] appSecret;
    private final byte[] tokenKey;

    public SecretKeys(Settings settings) {
        String secret = settings.app().secretKey();
        if (secret == null) {
            secret = generatedSecret();
        }
        this.appSecret = secret.getBytes(StandardCharsets.UTF_8);
        String tokenSecret = settings.app().tokenEncryptionKey();
        this.tokenKey = sha256(tokenSecret != null ? "token:" + tokenSecret : "token-from-app-secret:" + secret);
    }

    /** Secret for signatures (OAuth state). */
    public byte[] signingKey() {
        return sha256("signing:" + new String(appSecret, StandardCharsets.UTF_8));
    }

    /** 256-bit AES key for tokens at rest. */
    public byte[] tokenKey() {
        return tokenKey.clone();
    }

    private static String generatedSecret() {
        try {
            if (Files.exists(GENERATED)) {
                return Files.readString(GENERATED).trim();
            }
            Files.createDirectories(GENERATED.getParent());
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(GENERATED, secret);
            try {
                Files.setPosixFilePermissions(GENERATED, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file stays with default permissions
            }
            log.warn("APP_SECRET_KEY is not set: generated one in {} for this install", GENERATED);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a generated secret under ./data", e);
        }
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
