package dev.worklens.github;

import java.time.Instant;
import java.util.List;

/** A member's pull requests in a period, in the three groups of the GitHub overview. */
public record PullRequests(List<Authored> created, List<Authored> merged, List<Reviewed> reviewed) {

    public static final PullRequests NONE = new PullRequests(List.of(), List.of(), List.of());

    public boolean isEmpty() {
        return created.isEmpty() && merged.isEmpty() && reviewed.isEmpty();
    }

    public record Authored(
            String url, String repo, int number, String title, Instant createdAt, Instant mergedAt, String state) {}

    /**
     * @param reviewedAt the member's latest review in the period
     * @param firstReviewAt the member's first review of this pull request, ever (for turnaround)
     */
    public record Reviewed(
            String url,
            String repo,
            int number,
            String title,
            Instant reviewedAt,
            List<String> reviewStates,
            Instant createdAt,
            Instant firstReviewAt) {}
}
