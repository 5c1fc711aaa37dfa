package dev.worklens.team;

import java.util.Locale;
import java.util.stream.Stream;

/** An engineer on an operator's roster. Members never sign in. */
public record Member(
        long id,
        long operatorId,
        String slackUserId,
        String displayName,
        String realName,
        String email,
        String githubLogin,
        boolean isOperator) {

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
