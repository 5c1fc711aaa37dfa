package dev.worklens.github.client;

/**
 * A GitHub answer that is not data, in words a manager can act on. Messages never carry the token
 * or request headers, only GitHub's own message and what to do about it.
 */
public class GitHubApiException extends RuntimeException {

    public enum Problem {
        /** 401: the token is wrong, expired or revoked; every task of the run fails. */
        BAD_TOKEN,
        /** 403 with X-GitHub-SSO: the token is not authorised for an organisation's SAML SSO. */
        SAML,
        /** 422 from search or a GraphQL NOT_FOUND for a user: usually an unknown login. */
        UNPROCESSABLE,
        NOT_FOUND,
        FORBIDDEN,
        /** 5xx or dropped connections that outlived every retry. */
        UNAVAILABLE,
        /** Anything else GitHub answered that we cannot use. */
        OTHER
    }

    public static final String BAD_TOKEN_MESSAGE =
            "the GitHub token is not valid (GitHub answered 401): set a current token in GITHUB_PAT";

    private final Problem problem;
    private final int status;

    public GitHubApiException(Problem problem, String message) {
        this(problem, 0, message);
    }

    public GitHubApiException(Problem problem, int status, String message) {
        super(message);
        this.problem = problem;
        this.status = status;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return status;
    }
}
