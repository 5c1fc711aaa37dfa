package dev.worklens.github.ingest;

import dev.worklens.github.client.GitHubApiException;
import dev.worklens.github.client.GitHubApiException.Problem;
import dev.worklens.github.client.GitHubClient;
import dev.worklens.github.client.GitHubRecords.ContributionPage;
import dev.worklens.github.client.GitHubRecords.PullRequest;
import dev.worklens.github.client.GitHubRecords.Review;
import dev.worklens.github.client.GitHubRecords.ReviewContribution;
import dev.worklens.github.client.GitHubRecords.SearchPage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Overview mode for one login: the pull requests it opened that were created in range and that
 * were merged in range (issue search), and the reviews it submitted in range (the contribution
 * graph, which gives each review's submitted time without a call per pull request). Search
 * answers at most 1,000 results a query, so a window reporting more is cut into smaller windows
 * until each is under the cap.
 */
public class OverviewCollector {

    static final int SEARCH_CAP = 1000;
    /** Just below the cap: fewest windows (each may end in a part page), and a little room for unevenness. */
    static final int SPLIT_TARGET = 950;

    static final Duration GRAPH_MAX_SPAN = Duration.ofDays(365);
    private static final int INCOMPLETE_RETRIES = 2;

    private final GitHubRows rows;
    private final CoveredRanges covered;

    public OverviewCollector(GitHubRows rows, CoveredRanges covered) {
        this.rows = rows;
        this.covered = covered;
    }

    /** What a collection stored, and the organisations whose results SAML hid from the search. */
    public record Result(int stored, java.util.Set<String> hiddenOrganizations) {}

    /** Collects one login's overview of [from, to). */
    public Result collect(
            GitHubClient client, String login, Instant from, Instant to, Instant readAt, TaskProgress progress) {
        String key = GitHubRows.key(login);
        var hidden = new java.util.TreeSet<String>();
        int stored = 0;
        for (String kind : List.of("created", "merged")) {
            String scope = "overview:" + key + ":" + kind;
            for (var segment : covered.plan(scope, from, to)) {
                progress.expectMore(1);
                stored += searchWindow(
                        client, login, kind, segment.from(), segment.to(), segment.changedSince(), progress, hidden);
            }
            covered.record(scope, from, to, readAt);
        }
        String scope = "overview:" + key + ":reviewed";
        for (var segment : covered.plan(scope, from, to)) {
            Instant start = segment.floor();
            if (!start.isBefore(segment.to())) {
                continue;
            }
            for (Instant s = start; s.isBefore(segment.to()); s = s.plus(GRAPH_MAX_SPAN)) {
                Instant e = min(s.plus(GRAPH_MAX_SPAN), segment.to());
                progress.expectMore(1);
                stored += reviewWindow(client, login, s, e, progress);
            }
        }
        covered.record(scope, from, to, readAt);
        return new Result(stored, hidden);
    }

    private int searchWindow(
            GitHubClient client,
            String login,
            String kind,
            Instant from,
            Instant to,
            Instant changedSince,
            TaskProgress progress,
            java.util.Set<String> hidden) {
        String query = "is:pr author:" + login + " " + kind + ":" + searchTime(from) + ".."
                + searchTime(to.minusSeconds(1))
                + (changedSince == null ? "" : " updated:>=" + searchTime(changedSince));
        SearchPage page = complete(() -> client.searchPullRequests(query, null), query);
        hidden.addAll(page.hiddenOrganizations());
        if (page.totalCount() > SEARCH_CAP) {
            progress.done(0);
            List<Instant[]> parts = split(from, to, page.totalCount(), query);
            progress.expectMore(parts.size());
            int stored = 0;
            for (Instant[] part : parts) {
                stored += searchWindow(client, login, kind, part[0], part[1], changedSince, progress, hidden);
            }
            return stored;
        }
        progress.expectMore(Math.max(0, (page.totalCount() + 99) / 100 - 1));
        int stored = 0;
        while (true) {
            int n = rows.pullRequests(authoredBy(page.items(), login));
            stored += n;
            progress.done(n);
            if (page.next() == null) {
                return stored;
            }
            String next = page.next();
            page = complete(() -> client.searchPullRequests(query, next), query);
            hidden.addAll(page.hiddenOrganizations());
        }
    }

    private int reviewWindow(GitHubClient client, String login, Instant from, Instant to, TaskProgress progress) {
        Instant last = to.minusSeconds(1);
        ContributionPage page = client.reviewContributions(login, from, last, null);
        if (page.totalCount() > SEARCH_CAP && Duration.between(from, to).toSeconds() > 1) {
            progress.done(0);
            List<Instant[]> parts = split(from, to, page.totalCount(), "reviews by " + login);
            progress.expectMore(parts.size());
            int stored = 0;
            for (Instant[] part : parts) {
                stored += reviewWindow(client, login, part[0], part[1], progress);
            }
            return stored;
        }
        progress.expectMore(Math.max(0, (page.totalCount() + 99) / 100 - 1));
        int stored = 0;
        while (true) {
            stored += storeReviews(page.items(), login, from, to, progress);
            if (!page.hasNext()) {
                return stored;
            }
            page = client.reviewContributions(login, from, last, page.endCursor());
        }
    }

    private int storeReviews(
            List<ReviewContribution> items, String login, Instant from, Instant to, TaskProgress progress) {
        String key = GitHubRows.key(login);
        List<PullRequest> pulls = new ArrayList<>();
        List<Review> reviews = new ArrayList<>();
        for (var item : items) {
            Review review = item.review();
            boolean inRange =
                    !review.submittedAt().isBefore(from) && review.submittedAt().isBefore(to);
            boolean ownPull = key.equals(GitHubRows.key(item.pullRequest().authorLogin()));
            if (inRange && !ownPull && key.equals(GitHubRows.key(review.reviewerLogin()))) {
                pulls.add(item.pullRequest());
                reviews.add(review);
            }
        }
        int n = rows.pullRequests(distinct(pulls)) + rows.reviews(reviews);
        progress.done(n);
        return n;
    }

    /** Search's author: qualifier already ignores case; this only guards against odd answers. */
    private static List<PullRequest> authoredBy(List<PullRequest> items, String login) {
        String key = GitHubRows.key(login);
        return distinct(items.stream()
                .filter(p -> key.equals(GitHubRows.key(p.authorLogin())))
                .toList());
    }

    private static List<PullRequest> distinct(List<PullRequest> pulls) {
        var seen = new java.util.LinkedHashMap<String, PullRequest>();
        pulls.forEach(p -> seen.put(p.repo() + "#" + p.number(), p));
        return List.copyOf(seen.values());
    }

    /** Equal slices of whole seconds, enough of them that each should hold about SPLIT_TARGET results. */
    static List<Instant[]> split(Instant from, Instant to, int total, String what) {
        long seconds = Duration.between(from, to).toSeconds();
        if (seconds <= 1) {
            throw new GitHubApiException(
                    Problem.OTHER,
                    "GitHub reports more than " + SEARCH_CAP + " results within one second for " + what
                            + "; they cannot all be read");
        }
        int parts = (int) Math.min(seconds, Math.max(2, (total + SPLIT_TARGET - 1) / SPLIT_TARGET));
        List<Instant[]> slices = new ArrayList<>();
        Instant start = from;
        for (int i = 1; i <= parts; i++) {
            Instant end = i == parts ? to : from.plusSeconds(seconds * i / parts);
            if (end.isAfter(start)) {
                slices.add(new Instant[] {start, end});
            }
            start = end;
        }
        return slices;
    }

    /** GitHub may time out part of a search and say so; asking again usually gets everything. */
    static SearchPage complete(java.util.function.Supplier<SearchPage> call, String query) {
        SearchPage page = call.get();
        for (int i = 0; page.incomplete() && i < INCOMPLETE_RETRIES; i++) {
            page = call.get();
        }
        if (page.incomplete()) {
            throw new GitHubApiException(
                    Problem.UNAVAILABLE,
                    "GitHub search returned incomplete results (it timed out) for: " + query
                            + "; try the sync again later");
        }
        return page;
    }

    /** The form GitHub's search syntax documents for times: {@code 2026-09-01T00:00:00+00:00}. */
    static String searchTime(Instant instant) {
        return SEARCH_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static final java.time.format.DateTimeFormatter SEARCH_TIME = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(java.time.ZoneOffset.UTC);

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
