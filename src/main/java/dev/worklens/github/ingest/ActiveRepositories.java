package dev.worklens.github.ingest;

import dev.worklens.github.client.GitHubApiException;
import dev.worklens.github.client.GitHubApiException.Problem;
import dev.worklens.github.client.GitHubClient;
import dev.worklens.github.client.GitHubRecords.ContributedRepositories;
import dev.worklens.github.client.GitHubRecords.PullRequest;
import dev.worklens.github.client.GitHubRecords.SearchPage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which repositories per-repository mode reads: those where a member was active in the range, so a
 * sync costs calls per active repository, not per repository of the organisation (an organisation
 * of 500 repositories with 20 active ones reads 20). Per member: the contribution graph's
 * repositories (commits, pull requests and issues opened, reviews submitted — in the token's
 * organisations and public ones outside them), and the search for their pull requests merged in
 * the range (opened earlier, so not a contribution of the range).
 */
public class ActiveRepositories {

    /** A member's repositories, or why they could not be found (that member's task fails with it). */
    public record Found(Set<String> repositories, String problem) {}

    /**
     * Finds the repositories {@code login} was active in during [from, to). {@code afterCall} is told
     * after each call, so the caller can advance progress. A bad token stops everything.
     */
    public Found find(GitHubClient client, String login, Instant from, Instant to, Runnable afterCall) {
        Set<String> repositories = new TreeSet<>();
        try {
            for (Instant s = from; s.isBefore(to); s = s.plus(OverviewCollector.GRAPH_MAX_SPAN)) {
                Instant e = min(s.plus(OverviewCollector.GRAPH_MAX_SPAN), to);
                contributed(client, login, s, e, repositories, afterCall);
            }
            merged(client, login, from, to, repositories, afterCall);
        } catch (GitHubApiException e) {
            if (e.problem() == Problem.BAD_TOKEN) {
                throw e;
            }
            String problem = e.problem() == Problem.UNPROCESSABLE
                    ? "GitHub login '" + login + "' does not exist (or the token cannot see it)"
                    : e.getMessage();
            return new Found(repositories, problem);
        }
        return new Found(repositories, null);
    }

    /** The graph lists at most 100 repositories per kind: a fuller window is halved until none is. */
    private void contributed(
            GitHubClient client, String login, Instant from, Instant to, Set<String> into, Runnable afterCall) {
        ContributedRepositories answer = client.contributedRepositories(login, from, to.minusSeconds(1));
        afterCall.run();
        if (answer.truncated() && Duration.between(from, to).toSeconds() > 1) {
            Instant middle = from.plusSeconds(Duration.between(from, to).toSeconds() / 2);
            contributed(client, login, from, middle, into, afterCall);
            contributed(client, login, middle, to, into, afterCall);
            return;
        }
        into.addAll(answer.repositories());
    }

    /** Pull requests merged in the range; over the search cap the window is cut as overview mode does. */
    private void merged(
            GitHubClient client, String login, Instant from, Instant to, Set<String> into, Runnable afterCall) {
        String query = "is:pr author:" + login + " merged:" + OverviewCollector.searchTime(from) + ".."
                + OverviewCollector.searchTime(to.minusSeconds(1));
        SearchPage page = OverviewCollector.complete(() -> client.searchPullRequests(query, null), query);
        afterCall.run();
        if (page.totalCount() > OverviewCollector.SEARCH_CAP) {
            for (Instant[] part : OverviewCollector.split(from, to, page.totalCount(), query)) {
                merged(client, login, part[0], part[1], into, afterCall);
            }
            return;
        }
        List<PullRequest> items = new ArrayList<>(page.items());
        while (page.next() != null) {
            String next = page.next();
            page = OverviewCollector.complete(() -> client.searchPullRequests(query, next), query);
            afterCall.run();
            items.addAll(page.items());
        }
        items.stream().map(PullRequest::repo).filter(r -> r != null).forEach(into::add);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
