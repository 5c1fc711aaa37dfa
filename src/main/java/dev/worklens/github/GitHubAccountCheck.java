package dev.worklens.github;

import dev.worklens.github.client.GitHubApiException;
import dev.worklens.github.client.GitHubApiException.Problem;
import dev.worklens.github.client.GitHubClients;
import dev.worklens.github.client.GitHubRecords.TokenOwner;
import dev.worklens.team.AccountCheck;
import dev.worklens.team.Operator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The GitHub card on the Connect page: is the server's token valid, whose is it, which scopes does
 * it lack. The answer is cached for a few minutes so opening the page does not spend rate limit.
 */
@Component
class GitHubAccountCheck implements AccountCheck {

    static final Duration CACHE = Duration.ofMinutes(5);
    static final List<String> NEEDED_SCOPES = List.of("repo", "read:org");

    private final GitHubClients clients;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(Instant at, boolean ok, String summary, List<String> details) {}

    GitHubAccountCheck(GitHubClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public AccountStatus check(Operator operator) {
        Cached token = tokenStatus();
        List<String> details = new ArrayList<>(token.details());
        details.add(
                operator.githubLogin() == null
                        ? "Your own GitHub login is not linked yet: link it above so \"me\" syncs include your GitHub work."
                        : "Your linked GitHub login: " + operator.githubLogin() + ".");
        return AccountStatus.of("GitHub", token.ok(), token.summary(), details);
    }

    private Cached tokenStatus() {
        Cached current = cached;
        Instant now = clock.instant();
        if (current != null && current.at().plus(CACHE).isAfter(now)) {
            return current;
        }
        Cached fresh = validate(now);
        cached = fresh;
        return fresh;
    }

    private Cached validate(Instant now) {
        if (!clients.tokenConfigured()) {
            return new Cached(
                    now,
                    false,
                    "No GitHub token: set GITHUB_PAT on the server (a classic token with the repo and read:org"
                            + " scopes, or a fine-grained token).",
                    List.of());
        }
        try {
            TokenOwner owner = clients.openImpatient().user();
            return new Cached(
                    now, true, "The GitHub token is valid; it belongs to " + owner.login() + ".", scopeDetails(owner));
        } catch (GitHubApiException e) {
            String summary = e.problem() == Problem.BAD_TOKEN
                    ? "The GitHub token is not valid (GitHub answered 401): replace GITHUB_PAT with a current token."
                    : "The GitHub token could not be checked: " + e.getMessage();
            return new Cached(now, false, summary, List.of());
        }
    }

    static List<String> scopeDetails(TokenOwner owner) {
        List<String> details = new ArrayList<>();
        if (owner.scopes() == null) {
            details.add(
                    "This is a fine-grained token (GitHub lists no scopes for those). It works if it has read access"
                            + " to Pull requests, Contents, Issues and Metadata of the repositories, for every organisation"
                            + " whose work you want to see.");
            return details;
        }
        details.add("Scopes: " + (owner.scopes().isEmpty() ? "none" : String.join(", ", owner.scopes())) + ".");
        if (!owner.scopes().contains("repo")) {
            details.add("Missing scope repo: pull requests in private repositories will not be found.");
        }
        if (!owner.scopes().contains("read:org")
                && !owner.scopes().contains("admin:org")
                && !owner.scopes().contains("write:org")) {
            details.add("Missing scope read:org: repositories and work in organisations the token's owner belongs to"
                    + " may be hidden.");
        }
        return details;
    }
}
