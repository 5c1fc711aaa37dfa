package dev.worklens.slack.auth;

import dev.worklens.system.crypto.SecretKeys;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The OAuth {@code state}: {@code nonce.expiry.signature}, signed with a key derived from
 * APP_SECRET_KEY over the nonce, the expiry and a secret of the browser session that started the
 * flow. The session also remembers which nonces it issued and which were used, so a state works
 * once, only in its own browser, for ten minutes.
 */
@Component
class OAuthState {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Sign-ins one browser may have open at once (tabs); more push out the oldest. */
    static final int MAX_ISSUED = 5;
    /** Used nonces remembered to tell a replay from a forgery; older ones have expired anyway. */
    static final int MAX_USED = 20;

    private static final String BINDING = "slack.oauth.binding";
    private static final String ISSUED = "slack.oauth.issued";
    private static final String USED = "slack.oauth.used";

    enum Verdict {
        VALID,
        TAMPERED,
        EXPIRED,
        REPLAYED,
        OTHER_SESSION
    }

    private final byte[] key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OAuthState(SecretKeys keys, Clock clock) {
        this.key = keys.signingKey();
        this.clock = clock;
    }

    synchronized String issue(HttpSession session) {
        String binding = (String) session.getAttribute(BINDING);
        if (binding == null) {
            binding = randomToken();
            session.setAttribute(BINDING, binding);
        }
        String nonce = randomToken();
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        HashMap<String, Long> issued = issued(session);
        issued.entrySet().removeIf(e -> e.getValue() < clock.instant().getEpochSecond());
        while (issued.size() >= MAX_ISSUED) {
            issued.entrySet().stream()
                    .min(Map.Entry.comparingByValue())
                    .ifPresent(oldest -> issued.remove(oldest.getKey()));
        }
        issued.put(nonce, expires);
        session.setAttribute(ISSUED, issued);
        return nonce + "." + expires + "." + sign(nonce + "." + expires, binding);
    }

    synchronized Verdict verify(String state, HttpSession session) {
        String[] parts = state == null ? new String[0] : state.split("\\.");
        if (parts.length != 3 || !parts[1].matches("\\d{1,12}")) {
            return Verdict.TAMPERED;
        }
        String nonce = parts[0];
        HashMap<String, Long> issued = session == null ? new HashMap<>() : issued(session);
        HashSet<String> used = session == null ? new HashSet<>() : used(session);
        String binding = session == null ? null : (String) session.getAttribute(BINDING);
        if (binding == null || (!issued.containsKey(nonce) && !used.contains(nonce))) {
            return Verdict.OTHER_SESSION;
        }
        if (!MessageDigest.isEqual(
                sign(parts[0] + "." + parts[1], binding).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.TAMPERED;
        }
        if (used.contains(nonce)) {
            return Verdict.REPLAYED;
        }
        issued.remove(nonce);
        if (used.size() >= MAX_USED) {
            used.clear();
        }
        used.add(nonce);
        session.setAttribute(ISSUED, issued);
        session.setAttribute(USED, used);
        if (Long.parseLong(parts[1]) < clock.instant().getEpochSecond()) {
            return Verdict.EXPIRED;
        }
        return Verdict.VALID;
    }

    @SuppressWarnings("unchecked")
    private static HashMap<String, Long> issued(HttpSession session) {
        Object value = session.getAttribute(ISSUED);
        return value instanceof Map<?, ?> m ? new HashMap<>((Map<String, Long>) m) : new HashMap<>();
    }

    @SuppressWarnings("unchecked")
    private static HashSet<String> used(HttpSession session) {
        Object value = session.getAttribute(USED);
        return value instanceof Set<?> s ? new HashSet<>((Set<String>) s) : new HashSet<>();
    }

    private String sign(String payload, String binding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(payload.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(binding.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
