package dev.worklens.team;

import java.time.ZoneId;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * An engineer on an operator's roster. Members never sign in.
 *
 * @param tz the member's IANA time zone (from Slack or set by hand), null when unknown
 */
public record Member(
        long id,
        long operatorId,
        String slackUserId,
        String displayName,
        String realName,
        String email,
        String githubLogin,
        boolean isOperator,
        String tz) {

    public Member(
            long id,
            long operatorId,
            String slackUserId,
            String displayName,
            String realName,
            String email,
            String githubLogin,
            boolean isOperator) {
        this(id, operatorId, slackUserId, displayName, realName, email, githubLogin, isOperator, null);
    }

    /** The member's zone, or {@code fallback} when unknown or no longer a zone this JVM knows. */
    public ZoneId zoneOr(ZoneId fallback) {
        return MemberTimeZone.parse(tz).orElse(fallback);
    }

    public boolean hasGithubLogin() {
        return githubLogin != null && !githubLogin.isBlank();
    }

    /** Names a standup bot may repost this member under, normalised for comparison. */
    public Stream<String> nameKeys() {
        return Stream.of(displayName, realName)
                .filter(n -> n != null && !n.isBlank())
                .map(Member::nameKey);
    }

    public static String nameKey(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
