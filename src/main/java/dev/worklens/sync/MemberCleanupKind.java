package dev.worklens.sync;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a per-member cleanup removes (PRODUCT.md §6), and which source's data it is. */
public enum MemberCleanupKind {
    /** Slack data from channels the member is no longer in. */
    LEFT_CHANNELS("left_channels", "slack", "Slack data from channels they are no longer in"),
    /** GitHub data recorded under a login that is no longer the member's. */
    OLD_LOGINS("old_logins", "github", "GitHub data recorded under logins that are no longer theirs"),
    ALL_SLACK("all_slack", "slack", "all their Slack data"),
    ALL_GITHUB("all_github", "github", "all their GitHub data");

    private final String code;
    private final String source;
    private final String words;

    MemberCleanupKind(String code, String source, String words) {
        this.code = code;
        this.source = source;
        this.words = words;
    }

    public String code() {
        return code;
    }

    public String source() {
        return source;
    }

    /** "all their Slack data", to follow "Delete …" or "Nothing of … is left". */
    public String words() {
        return words;
    }

    public static Optional<MemberCleanupKind> of(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.code.equals(c)).findFirst();
    }
}
