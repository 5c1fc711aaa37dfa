package dev.worklens.github.ingest;

import dev.worklens.github.client.GitHubApiException;
import dev.worklens.github.client.GitHubApiException.Problem;
import dev.worklens.github.client.GitHubClient;
import dev.worklens.github.client.GitHubRecords.Commit;
import dev.worklens.github.client.GitHubRecords.Issue;
import dev.worklens.github.client.GitHubRecords.Page;
import dev.worklens.github.client.GitHubRecords.PullRequest;
import dev.worklens.github.client.GitHubRecords.Review;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Per-repository mode: every repository the token lists, each list (commits, pull requests and
 * their reviews, issues) read once for the whole team and stored whole, so attribution to members
 * happens afterwards from the tables. Commits whose e-mail is linked to no GitHub account cannot
 * be attributed; they are skipped and counted.
 */
public class RepositoryCollector {

    private final GitHubRows rows;
    private final CoveredRanges covered;

    public RepositoryCollector(GitHubRows rows, CoveredRanges covered) {
        this.rows = rows;
        this.covered = covered;
    }

    /** What one pass over the repositories found. */
    public record Outcome(int repositories, int rowsStored, int unlinkedCommits, Map<String, String> unreadable) {}

    public List<String> repositories(GitHubClient client) {
        List<String> names = new ArrayList<>();
        String next = null;
        do {
            Page<String> page = client.repositories(next);
            names.addAll(page.items());
            next = page.next();
        } while (next != null);
        return names;
    }

    /**
     * Reads every repository for [from, to). {@code afterRepository} is told after each one, so the
     * caller can advance every member's task. A repository GitHub refuses (SAML, access) is listed
     * in the outcome and the others go on; a bad token stops everything.
     */
    public Outcome collect(
            GitHubClient client,
            List<String> repositories,
            Instant from,
            Instant to,
            Instant readAt,
            Consumer<String> afterRepository) {
        int stored = 0;
        int unlinked = 0;
        Map<String, String> unreadable = new LinkedHashMap<>();
        for (String repo : repositories) {
            try {
                int[] counts = repository(client, repo, from, to, readAt);
                stored += counts[0];
                unlinked += counts[1];
            } catch (GitHubApiException e) {
                if (e.problem() == Problem.BAD_TOKEN || e.problem() == Problem.UNAVAILABLE) {
                    throw e;
                }
                unreadable.put(repo, e.getMessage());
            }
            afterRepository.accept(repo);
        }
        return new Outcome(repositories.size(), stored, unlinked, unreadable);
    }

    private int[] repository(GitHubClient client, String repo, Instant from, Instant to, Instant readAt) {
        int stored = 0;
        int unlinked = 0;

        String commitScope = "repos:" + repo + ":commits";
        for (var segment : covered.plan(commitScope, from, to)) {
            int[] c = commits(client, repo, segment.floor(), segment.to());
            stored += c[0];
            unlinked += c[1];
        }
        covered.record(commitScope, from, to, readAt);

        String pullScope = "repos:" + repo + ":pulls";
        Instant pullFloor = CoveredRanges.floor(covered.plan(pullScope, from, to));
        stored += pulls(client, repo, from, to, pullFloor);
        covered.record(pullScope, from, to, readAt);

        String issueScope = "repos:" + repo + ":issues";
        Instant issueFloor = CoveredRanges.floor(covered.plan(issueScope, from, to));
        stored += issues(client, repo, from, to, issueFloor);
        covered.record(issueScope, from, to, readAt);
        return new int[] {stored, unlinked};
    }

    private int[] commits(GitHubClient client, String repo, Instant since, Instant until) {
        if (!since.isBefore(until)) {
            return new int[] {0, 0};
        }
        int stored = 0;
        int unlinked = 0;
        String next = null;
        do {
            Page<Commit> page;
            try {
                page = client.commits(repo, since, until.minusSeconds(1), next);
            } catch (GitHubApiException e) {
                if (e.status() == 409) {
                    return new int[] {0, 0}; // an empty repository has no commits to list
                }
                throw e;
            }
            List<Commit> linked = new ArrayList<>();
            for (Commit c : page.items()) {
                if (c.committedAt() == null
                        || c.committedAt().isBefore(since)
                        || !c.committedAt().isBefore(until)) {
                    continue;
                }
                if (c.authorLogin() == null) {
                    unlinked++;
                } else {
                    linked.add(c);
                }
            }
            stored += rows.commits(linked);
            next = page.next();
        } while (next != null);
        return new int[] {stored, unlinked};
    }

    /**
     * Pull requests newest-updated first, down to the floor: one updated before it was neither
     * created, merged nor reviewed in range (a review updates its pull request). Reviews are read
     * for each pull request updated in range, since they may fall in range on an older one.
     */
    private int pulls(GitHubClient client, String repo, Instant from, Instant to, Instant floor) {
        int stored = 0;
        String next = null;
        boolean pastFloor = false;
        while (!pastFloor) {
            Page<PullRequest> page = client.pulls(repo, next);
            List<PullRequest> keep = new ArrayList<>();
            for (PullRequest p : page.items()) {
                if (p.updatedAt() != null && p.updatedAt().isBefore(floor)) {
                    pastFloor = true;
                    break;
                }
                keep.add(p);
            }
            stored += rows.pullRequests(keep);
            for (PullRequest p : keep) {
                stored += reviews(client, p, from, to);
            }
            next = page.next();
            if (next == null) {
                break;
            }
        }
        return stored;
    }

    private int reviews(GitHubClient client, PullRequest pull, Instant from, Instant to) {
        if (pull.createdAt() != null && !pull.createdAt().isBefore(to)) {
            return 0;
        }
        int stored = 0;
        String next = null;
        String author = GitHubRows.key(pull.authorLogin());
        do {
            Page<Review> page = client.reviews(pull.repo(), pull.number(), next);
            List<Review> keep = page.items().stream()
                    .filter(r ->
                            !r.submittedAt().isBefore(from) && r.submittedAt().isBefore(to))
                    .filter(r -> !GitHubRows.key(r.reviewerLogin()).equals(author))
                    .toList();
            stored += rows.reviews(keep);
            next = page.next();
        } while (next != null);
        return stored;
    }

    private int issues(GitHubClient client, String repo, Instant from, Instant to, Instant floor) {
        int stored = 0;
        String next = null;
        do {
            Page<Issue> page = client.issues(repo, floor, next);
            List<Issue> keep = page.items().stream()
                    .filter(i -> i.createdAt() != null && i.createdAt().isBefore(to))
                    .toList();
            stored += rows.issues(keep);
            next = page.next();
        } while (next != null);
        return stored;
    }
}
