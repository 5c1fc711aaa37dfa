package dev.worklens.team;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Checks a GitHub login when a person sets it (Team page, Connect page, the API), so an unknown
 * login is refused then instead of failing a sync later. Without a way to ask GitHub the login is
 * kept as typed and marked unchecked.
 */
@Component
public class LoginChecks {

    private final ObjectProvider<GitHubAccounts> github;

    LoginChecks(ObjectProvider<GitHubAccounts> github) {
        this.github = github;
    }

    /** The login to store; {@link UnknownLogin} when GitHub has no such user. Null stays null. */
    public CheckedLogin check(String login) {
        if (login == null) {
            return new CheckedLogin(null, true, null);
        }
        GitHubAccounts accounts = github.getIfAvailable();
        if (accounts == null) {
            return new CheckedLogin(login, false, "GitHub is not set up on this server");
        }
        GitHubAccounts.Lookup lookup = accounts.lookup(login);
        if (!lookup.checked()) {
            return new CheckedLogin(login, false, lookup.uncheckedReason());
        }
        if (!lookup.found()) {
            throw new UnknownLogin(login);
        }
        return new CheckedLogin(lookup.canonicalLogin(), true, null);
    }

    /**
     * @param login GitHub's spelling when checked, else as typed
     * @param uncheckedReason why it was stored unchecked, in words; null when checked
     */
    public record CheckedLogin(String login, boolean checked, String uncheckedReason) {

        /** What the page says after saving an unchecked login. */
        public String note() {
            return checked || login == null
                    ? null
                    : "GitHub login @" + login + " is stored unchecked (" + uncheckedReason
                            + "); a GitHub sync will tell if it is wrong.";
        }
    }

    /** GitHub answered that no user has this login. */
    public static class UnknownLogin extends RuntimeException {
        private final String login;

        public UnknownLogin(String login) {
            super("GitHub user @" + login + " not found.");
            this.login = login;
        }

        public String login() {
            return login;
        }
    }
}
