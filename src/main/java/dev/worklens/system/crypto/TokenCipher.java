package dev.worklens.system.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * AES-GCM for tokens at rest: a prefix, then base64(nonce ‖ ciphertext ‖ tag).
 *
 * <p>{@code v2:} values are bound to where they are stored (table, column and row, e.g.
 * {@code operators.token_ciphertext#7}) through GCM's associated data: a ciphertext copied to
 * another operator's row, or to another column, no longer decrypts. {@code v1:} values carry no
 * binding; they are read once at start and stored again as {@code v2:}.
 */
@Component
public class TokenCipher {

    private static final String V1 = "v1:";
    private static final String V2 = "v2:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public TokenCipher(SecretKeys keys) {
        this.key = new SecretKeySpec(keys.tokenKey(), "AES");
    }

    /** Seals a value bound to its place, e.g. {@code operators.token_ciphertext#7}. */
    public String encrypt(String plain, String binding) {
        return V2 + seal(plain, binding.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws TokenUnreadableException when the key changed, the value was tampered with or moved */
    public String decrypt(String stored, String binding) {
        if (stored != null && stored.startsWith(V2)) {
            return open(stored.substring(V2.length()), binding.getBytes(StandardCharsets.UTF_8));
        }
        return decrypt(stored);
    }

    /** Whether a stored value still lacks a binding and should be sealed again. */
    public static boolean isUnbound(String stored) {
        return stored != null && stored.startsWith(V1);
    }

    /** An unbound value, for what has no row to bind to. */
    public String encrypt(String plain) {
        return V1 + seal(plain, null);
    }

    /** Reads an unbound value; a bound one needs {@link #decrypt(String, String)}. */
    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(V1)) {
            throw new TokenUnreadableException();
        }
        return open(stored.substring(V1.length()), null);
    }

    private String seal(String plain, byte[] associated) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            if (associated != null) {
                cipher.updateAAD(associated);
            }
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token encryption failed", e);
        }
    }

    private String open(String encoded, byte[] associated) {
        try {
            byte[] all = Base64.getDecoder().decode(encoded);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            if (associated != null) {
                cipher.updateAAD(associated);
            }
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TokenUnreadableException();
        }
    }

    public static class TokenUnreadableException extends RuntimeException {
        TokenUnreadableException() {
            super("the stored token cannot be decrypted with the current key: sign in with Slack again");
        }
    }
}
