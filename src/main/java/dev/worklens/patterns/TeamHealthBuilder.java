package dev.worklens.patterns;

import dev.worklens.github.TeamReviews;
import dev.worklens.patterns.TeamHealth.MemberHealth;
import dev.worklens.patterns.TeamHealth.ReviewConcentration;
import dev.worklens.patterns.TeamHealth.ReviewCount;
import dev.worklens.patterns.TeamHealth.SingleOwnerRepo;
import dev.worklens.patterns.TeamHealth.WeekTrend;
import dev.worklens.sync.SyncedRanges;
import dev.worklens.team.Member;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Builds the team health view from the members' rhythms and the team's pull requests and reviews. */
@Component
public class TeamHealthBuilder {

    private final MemberRhythms rhythms;
    private final TeamReviews reviews;
    private final SyncedRanges synced;

    TeamHealthBuilder(MemberRhythms rhythms, TeamReviews reviews, SyncedRanges synced) {
        this.rhythms = rhythms;
        this.reviews = reviews;
        this.synced = synced;
    }

    /**
     * The team's health over the span. The operator's own row is left out until a sync has covered
     * them: a "team" sync never does, and a manager who syncs only their team is not one of the
     * people whose period before "was never synced".
     */
    public TeamHealth build(long operatorId, List<Member> roster, Span span) {
        List<Member> members = team(roster);
        Map<Long, Rhythm> byMember = rhythms.teamWithoutHeatMap(operatorId, members, span);
        Map<String, Member> byLogin = new LinkedHashMap<>();
        members.stream()
                .filter(Member::hasGithubLogin)
                .forEach(m -> byLogin.putIfAbsent(m.githubLogin().toLowerCase(Locale.ROOT), m));

        List<ReviewCount> matrix = new ArrayList<>();
        Map<Long, Long> given = new HashMap<>();
        Map<Long, Long> received = new HashMap<>();
        TeamReviews.Health review = reviews.health(byLogin.keySet(), span.start(), span.end());
        for (var pair : review.pairs()) {
            Member reviewer = byLogin.get(pair.reviewerLogin());
            Member author = byLogin.get(pair.authorLogin());
            if (reviewer == null || author == null) {
                continue;
            }
            matrix.add(new ReviewCount(reviewer.id(), author.id(), pair.pullRequests()));
            given.merge(reviewer.id(), pair.pullRequests(), Long::sum);
            received.merge(author.id(), pair.pullRequests(), Long::sum);
        }
        matrix.sort(Comparator.comparingLong(ReviewCount::reviewerId).thenComparingLong(ReviewCount::authorId));

        List<MemberHealth> rows = members.stream()
                .map(m -> new MemberHealth(
                        m, byMember.get(m.id()), given.getOrDefault(m.id(), 0L), received.getOrDefault(m.id(), 0L)))
                .toList();
        List<Long> perReviewer = byLogin.values().stream()
                .map(m -> given.getOrDefault(m.id(), 0L))
                .toList();
        return new TeamHealth(
                span,
                rows,
                matrix,
                concentration(byLogin.values().stream().toList(), given, perReviewer),
                silos(byLogin, review.participation()),
                trend(byMember));
    }

    private List<Member> team(List<Member> roster) {
        List<Long> operators =
                roster.stream().filter(Member::isOperator).map(Member::id).toList();
        if (operators.isEmpty()) {
            return roster;
        }
        var everSynced = synced.everSynced(operators);
        return roster.stream()
                .filter(m -> !m.isOperator() || everSynced.contains(m.id()))
                .toList();
    }

    private static ReviewConcentration concentration(List<Member> reviewers, Map<Long, Long> given, List<Long> counts) {
        long total = counts.stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return new ReviewConcentration(0, null, 0.0, 0.0);
        }
        Member busiest = reviewers.stream()
                .max(Comparator.comparingLong((Member m) -> given.getOrDefault(m.id(), 0L))
                        .thenComparing(Comparator.comparingLong(Member::id).reversed()))
                .orElseThrow();
        return new ReviewConcentration(
                total, busiest.id(), Figures.share(given.getOrDefault(busiest.id(), 0L), total), gini(counts));
    }

    /** Mean absolute difference over twice the mean, from the sorted values; three decimals. */
    static double gini(List<Long> values) {
        int n = values.size();
        long sum = values.stream().mapToLong(Long::longValue).sum();
        if (n == 0 || sum == 0) {
            return 0.0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            weighted += (i + 1) * (double) sorted.get(i);
        }
        double g = 2 * weighted / (n * (double) sum) - (n + 1) / (double) n;
        return Math.round(g * 1000) / 1000.0;
    }

    private static List<SingleOwnerRepo> silos(
            Map<String, Member> byLogin, List<TeamReviews.Participation> participation) {
        List<SingleOwnerRepo> silos = new ArrayList<>();
        for (var p : participation) {
            Member m = byLogin.get(p.login());
            if (m == null || p.teamPullRequests() == 0) {
                continue;
            }
            // a knowledge silo: one person in at least 80 % of the team's pull requests there,
            // compared in whole numbers so that 0.7996 never rounds up to 80 %
            if (p.pullRequests() * 10 >= p.teamPullRequests() * 8) {
                silos.add(new SingleOwnerRepo(
                        p.repo(),
                        m.id(),
                        Figures.share(p.pullRequests(), p.teamPullRequests()),
                        p.pullRequests(),
                        p.teamPullRequests()));
            }
        }
        silos.sort(Comparator.comparing(SingleOwnerRepo::teamPullRequests)
                .reversed()
                .thenComparing(SingleOwnerRepo::repo)
                .thenComparingLong(SingleOwnerRepo::memberId));
        return silos;
    }

    private static List<WeekTrend> trend(Map<Long, Rhythm> byMember) {
        List<WeekTrend> weeks = new ArrayList<>();
        if (byMember.isEmpty()) {
            return weeks;
        }
        Rhythm any = byMember.values().iterator().next();
        for (int i = 0; i < any.weeks().size(); i++) {
            long events = 0;
            long after = 0;
            for (Rhythm r : byMember.values()) {
                events += r.weeklyEvents().get(i);
                after += r.weeklyAfterHours().get(i);
            }
            weeks.add(new WeekTrend(any.weeks().get(i), events, after));
        }
        return weeks;
    }
}
