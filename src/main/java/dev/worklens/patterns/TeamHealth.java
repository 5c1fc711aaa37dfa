package dev.worklens.patterns;

import dev.worklens.team.Member;
import java.time.LocalDate;
import java.util.List;

/**
 * The team half of PRODUCT.md §14 over a span. {@code members} carry no rhythm and
 * {@code weeklyAfterHours} is empty when ENABLE_BURNOUT_DETECTION is off.
 */
public record TeamHealth(
        Span span,
        List<MemberHealth> members,
        List<ReviewCount> reviews,
        ReviewConcentration concentration,
        List<SingleOwnerRepo> singleOwnerRepos,
        List<WeekTrend> weeklyAfterHours) {

    /** @param rhythm null when the switch is off */
    public record MemberHealth(Member member, Rhythm rhythm, long reviewsGiven, long reviewsReceived) {}

    /** Pull requests of {@code authorId} that {@code reviewerId} reviewed in the span. */
    public record ReviewCount(long reviewerId, long authorId, long count) {}

    /**
     * @param busiestReviewerId null when nobody reviewed
     * @param busiestShare the busiest reviewer's part of all reviews, three decimals
     * @param gini inequality of reviews across the members with a GitHub login: 0 all equal, towards 1 one does all
     */
    public record ReviewConcentration(long total, Long busiestReviewerId, double busiestShare, double gini) {}

    /** One person authored or reviewed at least 80 % of the team's pull requests in the repository. */
    public record SingleOwnerRepo(String repo, long memberId, double share, long pullRequests, long teamPullRequests) {}

    public record WeekTrend(LocalDate week, long events, long afterHours) {}

    public long reviewCount(long reviewerId, long authorId) {
        return reviews.stream()
                .filter(r -> r.reviewerId() == reviewerId && r.authorId() == authorId)
                .mapToLong(ReviewCount::count)
                .sum();
    }
}
