package dev.worklens.github.client;

import dev.worklens.github.client.GitHubApiException.Problem;
import dev.worklens.github.client.GitHubRecords.Commit;
import dev.worklens.github.client.GitHubRecords.ContributedRepositories;
import dev.worklens.github.client.GitHubRecords.ContributionPage;
import dev.worklens.github.client.GitHubRecords.Issue;
import dev.worklens.github.client.GitHubRecords.Page;
import dev.worklens.github.client.GitHubRecords.PullRequest;
import dev.worklens.github.client.GitHubRecords.Review;
import dev.worklens.github.client.GitHubRecords.ReviewContribution;
import dev.worklens.github.client.GitHubRecords.SearchPage;
import dev.worklens.github.client.GitHubRecords.TokenOwner;
import dev.worklens.system.retry.Cancellation;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GitHub calls Worklens makes, one method per list it reads. A {@code page} argument of null
 * asks for the first page; afterwards it is the previous page's Link rel="next" URL.
 */
public class GitHubClient {

    static final String REVIEWS_QUERY = """
            query($login: String!, $from: DateTime!, $to: DateTime!, $after: String) {
              user(login: $login) {
                contributionsCollection(from: $from, to: $to) {
                  pullRequestReviewContributions(first: 100, after: $after) {
                    totalCount
                    pageInfo { hasNextPage endCursor }
                    nodes {
                      pullRequestReview { databaseId state submittedAt url author { login } }
                      pullRequest {
                        number title url state isDraft createdAt mergedAt closedAt updatedAt
                        author { login }
                        repository { nameWithOwner }
                      }
                    }
                  }
                }
              }
            }""";

    /** Most repositories one {@code *ByRepository} list returns. */
    public static final int MAX_REPOSITORIES = 100;

    static final String REPOSITORIES_QUERY = """
            query($login: String!, $from: DateTime!, $to: DateTime!) {
              user(login: $login) {
                contributionsCollection(from: $from, to: $to) {
                  totalRepositoriesWithContributedCommits
                  totalRepositoriesWithContributedPullRequests
                  totalRepositoriesWithContributedIssues
                  totalRepositoriesWithContributedPullRequestReviews
                  commitContributionsByRepository(maxRepositories: 100) { repository { nameWithOwner } }
                  pullRequestContributionsByRepository(maxRepositories: 100) { repository { nameWithOwner } }
                  issueContributionsByRepository(maxRepositories: 100) { repository { nameWithOwner } }
                  pullRequestReviewContributionsByRepository(maxRepositories: 100) { repository { nameWithOwner } }
                }
              }
            }""";

    private final GitHubHttp http;
    private final SearchPacer pacer;
    private final Cancellation cancellation;
    private final JsonMapper json;

    GitHubClient(GitHubHttp http, SearchPacer pacer, Cancellation cancellation, JsonMapper json) {
        this.http = http;
        this.pacer = pacer;
        this.cancellation = cancellation;
        this.json = json;
    }

    /** {@code GET /user}: who the token belongs to and its classic scopes. */
    public TokenOwner user() {
        GitHubResponse response = http.get(http.resolve("/user"));
        String header = response.header("x-oauth-scopes");
        List<String> scopes = header == null
                ? null
                : Arrays.stream(header.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        return new TokenOwner(text(response.body().path("login")), scopes);
    }

    /**
     * {@code GET /users/{login}}: GitHub's own spelling of a login, or empty when no such account
     * exists (GitHub answers 404). Logins compare case-insensitively, so "donvo" finds "DonVo".
     */
    public Optional<String> userLogin(String login) {
        try {
            GitHubResponse response =
                    http.get(http.resolve("/users/" + URLEncoder.encode(login, StandardCharsets.UTF_8)));
            return Optional.ofNullable(text(response.body().path("login")));
        } catch (GitHubApiException e) {
            if (e.problem() == Problem.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Issue search restricted to pull requests, oldest first so pages stay stable while we read. */
    public SearchPage searchPullRequests(String query, String page) {
        URI uri = page != null
                ? follow(page)
                : http.resolve("/search/issues?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                        + "&sort=created&order=asc&per_page=100");
        pacer.acquire(cancellation);
        GitHubResponse response = http.get(uri);
        JsonNode body = response.body();
        List<PullRequest> items = new ArrayList<>();
        for (JsonNode item : body.path("items").values()) {
            items.add(searchItem(item));
        }
        return new SearchPage(
                body.path("total_count").asInt(0),
                body.path("incomplete_results").asBoolean(false),
                items,
                response.nextLink(),
                hiddenOrganizations(response.header("x-github-sso")));
    }

    /** Search leaves out what SAML hides and says so only in this header: {@code partial-results; organizations=1,2}. */
    static List<String> hiddenOrganizations(String sso) {
        if (sso == null || !sso.startsWith("partial-results")) {
            return List.of();
        }
        int at = sso.indexOf("organizations=");
        if (at < 0) {
            return List.of("unknown");
        }
        return Arrays.stream(sso.substring(at + "organizations=".length()).split("[,\\s]+"))
                .filter(s -> !s.isBlank())
                .toList();
    }

    /** Reviews the user submitted in [from, to], with their pull requests, from the contribution graph. */
    public ContributionPage reviewContributions(String login, Instant from, Instant to, String after) {
        ObjectNode request = json.createObjectNode();
        request.put("query", REVIEWS_QUERY);
        ObjectNode variables = request.putObject("variables");
        variables.put("login", login);
        variables.put("from", from.toString());
        variables.put("to", to.toString());
        if (after == null) {
            variables.putNull("after");
        } else {
            variables.put("after", after);
        }
        JsonNode data = graphql(json.writeValueAsString(request), login);
        JsonNode connection = data.path("user").path("contributionsCollection").path("pullRequestReviewContributions");
        List<ReviewContribution> items = new ArrayList<>();
        for (JsonNode node : connection.path("nodes").values()) {
            JsonNode pr = node.path("pullRequest");
            JsonNode review = node.path("pullRequestReview");
            if (pr.isMissingNode() || pr.isNull() || review.isNull() || text(review.path("submittedAt")) == null) {
                continue;
            }
            String repo = text(pr.path("repository").path("nameWithOwner"));
            int number = pr.path("number").asInt();
            var pull = new PullRequest(
                    repo,
                    number,
                    text(pr.path("title")),
                    text(pr.path("url")),
                    text(pr.path("author").path("login")),
                    Objects.requireNonNullElse(text(pr.path("state")), "open").toLowerCase(),
                    pr.path("isDraft").asBoolean(false),
                    time(pr.path("createdAt")),
                    time(pr.path("mergedAt")),
                    time(pr.path("closedAt")),
                    time(pr.path("updatedAt")));
            long id = review.path("databaseId").asLong();
            items.add(new ReviewContribution(
                    pull,
                    new Review(
                            repo + "#" + number + ":" + id,
                            repo,
                            number,
                            id,
                            Objects.requireNonNullElse(
                                    text(review.path("author").path("login")), login),
                            Objects.requireNonNullElse(text(review.path("state")), "COMMENTED"),
                            time(review.path("submittedAt")),
                            text(review.path("url")))));
        }
        JsonNode pageInfo = connection.path("pageInfo");
        return new ContributionPage(
                connection.path("totalCount").asInt(0),
                items,
                text(pageInfo.path("endCursor")),
                pageInfo.path("hasNextPage").asBoolean(false));
    }

    /**
     * The repositories {@code login} contributed to in [from, to] (at most a year), from one
     * GraphQL call: wherever they are, in the token's organisations or public elsewhere, as far as
     * the token can see them.
     */
    public ContributedRepositories contributedRepositories(String login, Instant from, Instant to) {
        ObjectNode request = json.createObjectNode();
        request.put("query", REPOSITORIES_QUERY);
        ObjectNode variables = request.putObject("variables");
        variables.put("login", login);
        variables.put("from", from.toString());
        variables.put("to", to.toString());
        JsonNode collection =
                graphql(json.writeValueAsString(request), login).path("user").path("contributionsCollection");
        var names = new java.util.TreeSet<String>();
        boolean truncated = false;
        for (String kind : List.of("Commit", "PullRequest", "Issue", "PullRequestReview")) {
            JsonNode list = collection.path(
                    Character.toLowerCase(kind.charAt(0)) + kind.substring(1) + "ContributionsByRepository");
            for (JsonNode entry : list.values()) {
                String name = text(entry.path("repository").path("nameWithOwner"));
                if (name != null) {
                    names.add(name);
                }
            }
            String total = "totalRepositoriesWithContributed" + (kind.equals("Commit") ? "Commits" : kind + "s");
            truncated |=
                    list.size() >= MAX_REPOSITORIES && collection.path(total).asInt(0) > list.size();
        }
        return new ContributedRepositories(names, truncated);
    }

    /** {@code GET /user/repos}: every repository the token can list, as owner/name. */
    public Page<String> repositories(String page) {
        URI uri = page != null
                ? follow(page)
                : http.resolve("/user/repos?per_page=100&sort=full_name"
                        + "&affiliation=owner,collaborator,organization_member");
        GitHubResponse response = http.get(uri);
        List<String> names = new ArrayList<>();
        for (JsonNode repo : response.body().values()) {
            names.add(text(repo.path("full_name")));
        }
        return new Page<>(names, response.nextLink());
    }

    public Page<Commit> commits(String repo, Instant since, Instant until, String page) {
        URI uri = page != null
                ? follow(page)
                : http.resolve("/repos/" + repo + "/commits?per_page=100&since=" + since + "&until=" + until);
        GitHubResponse response = http.get(uri);
        List<Commit> commits = new ArrayList<>();
        for (JsonNode c : response.body().values()) {
            commits.add(new Commit(
                    repo,
                    text(c.path("sha")),
                    text(c.path("author").path("login")),
                    text(c.path("commit").path("message")),
                    text(c.path("html_url")),
                    time(c.path("commit").path("committer").path("date"))));
        }
        return new Page<>(commits, response.nextLink());
    }

    /** Pull requests, most recently updated first, so a reader can stop once they predate the range. */
    public Page<PullRequest> pulls(String repo, String page) {
        URI uri = page != null
                ? follow(page)
                : http.resolve("/repos/" + repo + "/pulls?state=all&sort=updated&direction=desc&per_page=100");
        GitHubResponse response = http.get(uri);
        List<PullRequest> pulls = new ArrayList<>();
        for (JsonNode p : response.body().values()) {
            Instant merged = time(p.path("merged_at"));
            pulls.add(new PullRequest(
                    repo,
                    p.path("number").asInt(),
                    text(p.path("title")),
                    text(p.path("html_url")),
                    text(p.path("user").path("login")),
                    merged != null ? "merged" : text(p.path("state")),
                    p.path("draft").asBoolean(false),
                    time(p.path("created_at")),
                    merged,
                    time(p.path("closed_at")),
                    time(p.path("updated_at"))));
        }
        return new Page<>(pulls, response.nextLink());
    }

    public Page<Review> reviews(String repo, int number, String page) {
        URI uri = page != null
                ? follow(page)
                : http.resolve("/repos/" + repo + "/pulls/" + number + "/reviews?per_page=100");
        GitHubResponse response = http.get(uri);
        List<Review> reviews = new ArrayList<>();
        for (JsonNode r : response.body().values()) {
            Instant submitted = time(r.path("submitted_at"));
            String reviewer = text(r.path("user").path("login"));
            if (submitted == null || reviewer == null) {
                continue; // a pending review, or one by a deleted account
            }
            long id = r.path("id").asLong();
            reviews.add(new Review(
                    repo + "#" + number + ":" + id,
                    repo,
                    number,
                    id,
                    reviewer,
                    text(r.path("state")),
                    submitted,
                    text(r.path("html_url"))));
        }
        return new Page<>(reviews, response.nextLink());
    }

    /** Issues updated since the instant; the endpoint returns pull requests too, which are left out. */
    public Page<Issue> issues(String repo, Instant since, String page) {
        URI uri = page != null
                ? follow(page)
                : http.resolve(
                        "/repos/" + repo + "/issues?state=all&sort=updated&direction=desc&per_page=100&since=" + since);
        GitHubResponse response = http.get(uri);
        List<Issue> issues = new ArrayList<>();
        for (JsonNode i : response.body().values()) {
            if (i.has("pull_request")) {
                continue;
            }
            issues.add(new Issue(
                    repo,
                    i.path("number").asInt(),
                    text(i.path("title")),
                    text(i.path("html_url")),
                    text(i.path("user").path("login")),
                    text(i.path("state")),
                    time(i.path("created_at")),
                    time(i.path("closed_at")),
                    time(i.path("updated_at"))));
        }
        return new Page<>(issues, response.nextLink());
    }

    private JsonNode graphql(String body, String login) {
        for (int attempt = 0; ; attempt++) {
            GitHubResponse response = http.post(http.graphqlUri(), body);
            JsonNode answer = response.body();
            JsonNode errors = answer.path("errors");
            if (!errors.isArray() || errors.isEmpty()) {
                return answer.path("data");
            }
            JsonNode first = errors.path(0);
            String type = first.path("type").asString("");
            if (type.equals("NOT_FOUND") && answer.path("data").path("user").isNull()) {
                throw new GitHubApiException(Problem.UNPROCESSABLE, "GitHub login '" + login + "' does not exist");
            }
            if (type.equals("RATE_LIMITED") && attempt < 3) {
                // GraphQL reports primary exhaustion in the body; wait a minute and ask again
                http.awaitReset(response);
                continue;
            }
            throw new GitHubApiException(
                    Problem.OTHER,
                    "GitHub GraphQL answered: " + first.path("message").asString(""));
        }
    }

    private URI follow(String next) {
        URI uri = URI.create(next);
        URI root = http.resolve("/");
        // a Link URL always points back at the same API host; anything else would receive the token
        if (!Objects.equals(uri.getScheme(), root.getScheme())
                || !Objects.equals(uri.getAuthority(), root.getAuthority())) {
            throw new GitHubApiException(Problem.OTHER, "GitHub's next-page link points at another host");
        }
        return uri;
    }

    private static PullRequest searchItem(JsonNode item) {
        JsonNode pr = item.path("pull_request");
        Instant merged = time(pr.path("merged_at"));
        String repoUrl = text(item.path("repository_url"));
        String repo = repoUrl == null ? null : repoUrl.replaceAll("^.*/repos/", "");
        return new PullRequest(
                repo,
                item.path("number").asInt(),
                text(item.path("title")),
                text(item.path("html_url")),
                text(item.path("user").path("login")),
                merged != null ? "merged" : text(item.path("state")),
                item.path("draft").asBoolean(false),
                time(item.path("created_at")),
                merged,
                time(item.path("closed_at")),
                time(item.path("updated_at")));
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    static Instant time(JsonNode node) {
        String value = text(node);
        return value == null || value.isBlank() ? null : Instant.parse(value);
    }
}
