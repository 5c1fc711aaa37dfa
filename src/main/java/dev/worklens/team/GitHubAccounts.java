package dev.worklens.team;

/**
 * GitHub as the roster sees it: does a login exist, and how does GitHub spell it. Implemented by
 * the GitHub module, so the roster checks logins without knowing a GitHub client.
 */
public interface GitHubAccounts {

    Lookup lookup(String login);

    /**
     * @param canonicalLogin GitHub's spelling when found
     * @param uncheckedReason why the login could not be checked (no token, GitHub unreachable), else null
     */
    record Lookup(boolean found, String canonicalLogin, String uncheckedReason) {

        public static Lookup found(String canonicalLogin) {
            return new Lookup(true, canonicalLogin, null);
        }

        public static Lookup notFound() {
            return new Lookup(false, null, null);
        }

        public static Lookup unchecked(String reason) {
            return new Lookup(false, null, reason);
        }

        public boolean checked() {
            return uncheckedReason == null;
        }
    }
}
