package dev.worklens.github.client;

import java.time.Instant;
import java.util.List;

/** What the client returns: our own records, never raw JSON, so ingest knows no wire format. */
public final class GitHubRecords {

    private GitHubRecords() {}

    /** @param state open, closed or merged */
    public record PullRequest(
            String repo,
            int number,
            String title,
            String url,
            String authorLogin,
            String state,
            boolean draft,
            Instant createdAt,
            Instant mergedAt,
            Instant closedAt,
            Instant updatedAt) {}

    /** @param reviewKey {@code {repo}#{number}:{review id}}, unique across GitHub */
    public record Review(
            String reviewKey,
            String repo,
            int prNumber,
            long reviewId,
            String reviewerLogin,
            String state,
            Instant submittedAt,
            String url) {}

    /** @param authorLogin the linked GitHub account, or null when the commit's e-mail matches none */
    public record Commit(
            String repo, String sha, String authorLogin, String message, String url, Instant committedAt) {}

    public record Issue(
            String repo,
            int number,
            String title,
            String url,
            String authorLogin,
            String state,
            Instant createdAt,
            Instant closedAt,
            Instant updatedAt) {}

    /** @param scopes the X-OAuth-Scopes header; null for fine-grained tokens, which send none */
    public record TokenOwner(String login, List<String> scopes) {}

    /** @param hiddenOrganizations ids GitHub names in X-GitHub-SSO: partial-results (SAML not authorised) */
    public record SearchPage(
            int totalCount,
            boolean incomplete,
            List<PullRequest> items,
            String next,
            List<String> hiddenOrganizations) {}

    public record ReviewContribution(PullRequest pullRequest, Review review) {}

    public record ContributionPage(int totalCount, List<ReviewContribution> items, String endCursor, boolean hasNext) {}

    public record Page<T>(List<T> items, String next) {}

    /**
     * The repositories a user contributed to in a window (commits, pull requests opened, issues
     * opened, reviews submitted), from the contribution graph's {@code *ByRepository} lists.
     *
     * @param truncated a list held its maximum of repositories while its total says there are more:
     *     the window must be cut to see them all
     */
    public record ContributedRepositories(java.util.Set<String> repositories, boolean truncated) {}
}
