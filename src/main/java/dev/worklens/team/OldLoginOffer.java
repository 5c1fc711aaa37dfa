package dev.worklens.team;

import java.util.Locale;
import java.util.Optional;

/**
 * After a member's GitHub login changes, what was synced under the old login stays in their
 * reports until a cleanup removes it; the page that changed the login offers that cleanup's
 * preview (Sync page, "GitHub data under logins that are no longer theirs").
 */
public final class OldLoginOffer {

    private OldLoginOffer() {}

    /** The preview of one member's old-login cleanup. */
    public static String previewPath(long memberId) {
        return "/sync/cleanup/member?member=" + memberId + "&what=old_logins";
    }

    /** The old login, when a login was set before and is now another one or none. */
    public static Optional<String> replaced(String before, String after) {
        if (before == null || before.isBlank()) {
            return Optional.empty();
        }
        boolean same = after != null && after.toLowerCase(Locale.ROOT).equals(before.toLowerCase(Locale.ROOT));
        return same ? Optional.empty() : Optional.of(before);
    }

    /** The words of the link a page shows. */
    public static String words(String displayName, String oldLogin) {
        return "GitHub data synced under @" + oldLogin + " stays in " + displayName
                + "'s reports until it is cleaned up: preview what would be deleted.";
    }
}
