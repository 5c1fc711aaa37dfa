package dev.worklens.github;

import java.time.Instant;
import java.util.List;

/** A member's pull requests in a period, in the three groups of the GitHub overview. */
public record PullRequests(List<Authored> created, List<Authored> merged, List<Reviewed> reviewed) {

    public static final PullRequests NONE = new PullRequests(List.of(), List.of(), List.of());

    public boolean isEmpty() {
        return created.isEmpty() && merged.isEmpty() && reviewed.isEmpty();
    }

    /** @param closedAt when it was closed without a merge, or merged; null while open */
    public record Authored(
            String url,
            String repo,
            int number,
            String title,
            Instant createdAt,
            Instant mergedAt,
            String state,
            Instant closedAt) {}

    /**
     * @param reviewedAt the member's latest review in the period
     * @param firstReviewAt the member's first review of this pull request, ever (for turnaround)
     * @param reviews how many reviews the member gave it in the period
     */
    public record Reviewed(
            String url,
            String repo,
            int number,
            String title,
            Instant reviewedAt,
            List<String> reviewStates,
            Instant createdAt,
            Instant firstReviewAt,
            int reviews) {}
}
