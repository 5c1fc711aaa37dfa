package dev.worklens.github;

import dev.worklens.github.client.GitHubApiException;
import dev.worklens.github.client.GitHubClients;
import dev.worklens.team.GitHubAccounts;
import org.springframework.stereotype.Component;

/** Answers the roster's "does this GitHub login exist" with {@code GET /users/{login}}. */
@Component
class GitHubAccountLookup implements GitHubAccounts {

    private final GitHubClients clients;

    GitHubAccountLookup(GitHubClients clients) {
        this.clients = clients;
    }

    @Override
    public Lookup lookup(String login) {
        if (!clients.tokenConfigured()) {
            return Lookup.unchecked("no GitHub token on the server: GITHUB_PAT is not set");
        }
        try {
            return clients.openImpatient().userLogin(login).map(Lookup::found).orElseGet(Lookup::notFound);
        } catch (GitHubApiException e) {
            return Lookup.unchecked(
                    e.problem() == GitHubApiException.Problem.BAD_TOKEN
                            ? "the server's GitHub token is not valid"
                            : "GitHub could not be asked: " + e.getMessage());
        }
    }
}
