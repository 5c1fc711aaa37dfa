package dev.worklens.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A member's editable fields, checked the same way for the API and the Team page. */
public record MemberFields(String slackUserId, String displayName, String realName, String email, String githubLogin) {

    private static final Pattern GITHUB_LOGIN = Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern SLACK_USER = Pattern.compile("^[UW][A-Z0-9]{2,30}$");

    public MemberFields {
        slackUserId = clean(slackUserId);
        displayName = clean(displayName);
        realName = clean(realName);
        email = clean(email);
        githubLogin = clean(githubLogin);
        if (githubLogin != null && githubLogin.startsWith("@")) {
            githubLogin = githubLogin.substring(1);
        }
    }

    public MemberFields withGithubLogin(String login) {
        return new MemberFields(slackUserId, displayName, realName, email, login);
    }

    /** Problems in words, empty when the fields can be stored. */
    public List<String> problems(boolean displayNameRequired) {
        List<String> problems = new ArrayList<>();
        if (displayNameRequired && displayName == null) {
            problems.add("Display name is required.");
        }
        checkText("Display name", displayName, problems);
        checkText("Real name", realName, problems);
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            problems.add("Email '" + email + "' is not an email address such as don.vo@example.com.");
        }
        if (githubLogin != null && !GITHUB_LOGIN.matcher(githubLogin).matches()) {
            problems.add("GitHub login '" + githubLogin + "' is not valid: up to 39 letters, digits or single"
                    + " hyphens, not starting or ending with a hyphen.");
        }
        if (slackUserId != null && !SLACK_USER.matcher(slackUserId).matches()) {
            problems.add("Slack user id '" + slackUserId + "' is not valid: it looks like U012AB3CD.");
        }
        return problems;
    }

    private static void checkText(String label, String value, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value.length() > 200) {
            problems.add(label + " is longer than 200 characters.");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
            problems.add(label + " contains control characters.");
        }
    }

    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    String githubKey() {
        return githubLogin == null ? null : githubLogin.toLowerCase(Locale.ROOT);
    }
}
