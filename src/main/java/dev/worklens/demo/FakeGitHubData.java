package dev.worklens.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The world the stand-in GitHub serves: users, repositories, pull requests, reviews, commits,
 * issues. Filled from a {@link SyntheticWorkspace} for the demo, or by a test.
 */
public class FakeGitHubData {

    public record Pull(
            String repo,
            int number,
            String title,
            String author,
            Instant createdAt,
            Instant mergedAt,
            Instant closedAt,
            Instant updatedAt) {
        public String state() {
            return mergedAt != null || closedAt != null ? "closed" : "open";
        }
    }

    public record Review(long id, String repo, int number, String reviewer, String state, Instant submittedAt) {}

    /** @param author the linked GitHub login, or null for an e-mail linked to no account */
    public record Commit(String repo, String sha, String author, String message, Instant date) {}

    public record Issue(String repo, int number, String title, String author, Instant createdAt, Instant updatedAt) {}

    public final Set<String> users = new LinkedHashSet<>();
    public final List<String> repos = new ArrayList<>();
    public final List<Pull> pulls = new ArrayList<>();
    public final List<Review> reviews = new ArrayList<>();
    public final List<Commit> commits = new ArrayList<>();
    public final List<Issue> issues = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);

    /** The demo's synthetic team: every person's login, and their pull requests with reviews. */
    public static FakeGitHubData of(SyntheticWorkspace workspace) {
        var data = new FakeGitHubData();
        workspace.people().forEach(p -> data.user(p.githubLogin()));
        for (SyntheticWorkspace.PullRequest pr : workspace.pullRequests()) {
            data.repo(pr.repo());
            data.pulls.add(new Pull(
                    pr.repo(),
                    pr.number(),
                    pr.title(),
                    pr.authorLogin(),
                    pr.createdAt(),
                    pr.mergedAt(),
                    pr.closedAt(),
                    pr.updatedAt()));
            for (SyntheticWorkspace.Review r : pr.reviews()) {
                data.reviews.add(
                        new Review(r.id(), pr.repo(), pr.number(), r.reviewerLogin(), r.state(), r.submittedAt()));
            }
        }
        data.repos.sort(null);
        return data;
    }

    public FakeGitHubData user(String login) {
        users.add(login);
        return this;
    }

    public boolean knows(String login) {
        return users.stream().anyMatch(u -> u.equalsIgnoreCase(login));
    }

    public FakeGitHubData repo(String name) {
        if (!repos.contains(name)) {
            repos.add(name);
        }
        return this;
    }

    public Pull pull(String repo, String author, Instant created, Instant merged, Instant updated) {
        repo(repo);
        int number = (int) pulls.stream().filter(p -> p.repo().equals(repo)).count() + 1;
        Pull p = new Pull(repo, number, "Change " + number + " in " + repo, author, created, merged, merged, updated);
        pulls.add(p);
        return p;
    }

    public Review review(Pull pull, String reviewer, String state, Instant submitted) {
        Review r = new Review(ids.incrementAndGet(), pull.repo(), pull.number(), reviewer, state, submitted);
        reviews.add(r);
        return r;
    }

    public Commit commit(String repo, String author, Instant date) {
        repo(repo);
        Commit c = new Commit(repo, String.format("%040x", ids.incrementAndGet()), author, "Commit by " + author, date);
        commits.add(c);
        return c;
    }

    public Issue issue(String repo, String author, Instant created) {
        repo(repo);
        int number = 10_000 + issues.size();
        Issue i = new Issue(repo, number, "Issue " + number, author, created, created);
        issues.add(i);
        return i;
    }

    static String key(String login) {
        return login == null ? null : login.toLowerCase(Locale.ROOT);
    }
}
