package dev.worklens.demo;

import com.sun.net.httpserver.HttpExchange;
import dev.worklens.demo.SyntheticWorkspace.PullRequest;
import dev.worklens.demo.SyntheticWorkspace.Review;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * GitHub's REST and GraphQL APIs as documented, served from a {@link SyntheticWorkspace}: issue
 * search over pull requests with {@code created:}/{@code merged:}/{@code updated:} qualifiers, Link
 * header pagination and the 1,000-result cap; the contribution graph's review contributions with
 * cursor pagination; the {@code x-ratelimit-*} headers and the OAuth scope header.
 */
public final class FakeGitHubApi extends FakeApiServer {

    public static final String TOKEN = "ghp_demo0000000000000000000000000000000";
    private static final int SEARCH_CAP = 1000;

    private final List<PullRequest> pulls;
    private final Map<String, String> loginsByKey = new LinkedHashMap<>();
    private final Clock clock;
    private final String tokenOwner;

    private FakeGitHubApi(SyntheticWorkspace workspace, Clock clock) {
        super(clock);
        this.clock = clock;
        this.tokenOwner = workspace.manager().githubLogin();
        this.pulls = workspace.pullRequests();
        workspace.people().forEach(p -> loginsByKey.put(key(p.githubLogin()), p.githubLogin()));
    }

    public static FakeGitHubApi start(SyntheticWorkspace workspace, Clock clock) {
        var api = new FakeGitHubApi(workspace, clock);
        api.listen();
        return api;
    }

    @Override
    protected String methodOf(HttpExchange exchange) {
        String path = exchange.getRequestURI()
                .getPath()
                .replaceFirst("^/api/v3", "")
                .replaceFirst("^/api/graphql", "/graphql");
        if (path.startsWith("/search/")) {
            return "search";
        }
        return path.equals("/graphql") ? "graphql" : "core:" + path;
    }

    @Override
    protected Answer rateLimited(String method, long retryAfterSeconds) {
        return new Answer(
                403,
                Map.of("Retry-After", String.valueOf(retryAfterSeconds), "x-ratelimit-remaining", "0"),
                Map.of(
                        "message",
                        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."));
    }

    @Override
    protected Answer answer(HttpExchange exchange, String method, Map<String, String> params) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !(auth.equals("Bearer " + TOKEN) || auth.equals("token " + TOKEN))) {
            return new Answer(401, Map.of(), Map.of("message", "Bad credentials", "status", "401"));
        }
        return switch (method) {
            case "core:/user" ->
                new Answer(
                        200,
                        headers("core", Map.of("X-OAuth-Scopes", "repo, read:org")),
                        Map.of("login", tokenOwner, "id", 1));
            case "core:/user/repos" -> new Answer(200, headers("core", Map.of()), repos());
            case "search" -> search(exchange, params);
            case "graphql" -> graphql(params.get("__body"));
            default -> method.startsWith("core:/users/") ? user(method.substring("core:/users/".length())) : notFound();
        };
    }

    /** {@code GET /users/{login}}: GitHub's spelling of a login it knows, else its documented 404. */
    private Answer user(String login) {
        String known = loginsByKey.get(key(login));
        if (known == null) {
            return notFound();
        }
        return new Answer(
                200,
                headers("core", Map.of()),
                Map.of(
                        "login",
                        known,
                        "id",
                        Math.abs(known.hashCode()),
                        "type",
                        "User",
                        "html_url",
                        "https://github.com/" + known));
    }

    private static Answer notFound() {
        return new Answer(
                404,
                Map.of(),
                Map.of(
                        "message", "Not Found",
                        "documentation_url", "https://docs.github.com/rest/users/users#get-a-user",
                        "status", "404"));
    }

    private List<Map<String, Object>> repos() {
        return pulls.stream()
                .map(PullRequest::repo)
                .distinct()
                .sorted()
                .map(r -> Map.<String, Object>of(
                        "full_name", r, "name", r.substring(r.indexOf('/') + 1), "private", true))
                .toList();
    }

    private Answer search(HttpExchange exchange, Map<String, String> params) {
        String q = params.getOrDefault("q", "");
        int perPage = Math.min(100, Math.max(1, parseInt(params.get("per_page"), 30)));
        int page = Math.max(1, parseInt(params.get("page"), 1));
        List<PullRequest> matches = pulls.stream()
                .filter(matcher(q))
                .sorted(Comparator.comparing(PullRequest::createdAt))
                .toList();
        if ((long) (page - 1) * perPage >= SEARCH_CAP) {
            return new Answer(
                    422,
                    headers("search", Map.of()),
                    Map.of(
                            "message", "Only the first 1000 search results are available",
                            "documentation_url", "https://docs.github.com/v3/search/"));
        }
        int visible = Math.min(matches.size(), SEARCH_CAP);
        int from = Math.min(visible, (page - 1) * perPage);
        int to = Math.min(visible, from + perPage);
        List<Map<String, Object>> items = new ArrayList<>();
        for (PullRequest pr : matches.subList(from, to)) {
            items.add(searchItem(pr));
        }
        var extra = new LinkedHashMap<String, String>();
        if (to < visible) {
            String self = exchange.getRequestURI().toString();
            String base = "http://127.0.0.1:" + exchange.getLocalAddress().getPort();
            String next = self.contains("page=" + page) && params.containsKey("page")
                    ? self.replace("page=" + page, "page=" + (page + 1))
                    : self + (self.contains("?") ? "&" : "?") + "page=" + (page + 1);
            extra.put("Link", "<" + base + next + ">; rel=\"next\"");
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("total_count", matches.size());
        body.put("incomplete_results", false);
        body.put("items", items);
        return new Answer(200, headers("search", extra), body);
    }

    private Map<String, Object> searchItem(PullRequest pr) {
        var pull = new LinkedHashMap<String, Object>();
        pull.put("url", "https://api.github.com/repos/" + pr.repo() + "/pulls/" + pr.number());
        pull.put("html_url", htmlUrl(pr));
        pull.put("merged_at", iso(pr.mergedAt()));
        var item = new LinkedHashMap<String, Object>();
        item.put("id", pr.id());
        item.put("number", pr.number());
        item.put("title", pr.title());
        item.put("html_url", htmlUrl(pr));
        item.put("url", "https://api.github.com/repos/" + pr.repo() + "/issues/" + pr.number());
        item.put("repository_url", "https://api.github.com/repos/" + pr.repo());
        item.put("state", pr.state());
        item.put("draft", false);
        item.put("user", Map.of("login", pr.authorLogin(), "type", "User"));
        item.put("created_at", iso(pr.createdAt()));
        item.put("updated_at", iso(pr.updatedAt()));
        item.put("closed_at", iso(pr.closedAt()));
        item.put("pull_request", pull);
        item.put("score", 1.0);
        return item;
    }

    private Answer graphql(String body) {
        JsonNode request = JSON.readTree(body == null ? "{}" : body);
        JsonNode vars = request.path("variables");
        String login = vars.path("login").asString("");
        if (!loginsByKey.containsKey(key(login))) {
            return new Answer(
                    200,
                    headers("graphql", Map.of()),
                    Map.of(
                            "data", Map.of(),
                            "errors",
                                    List.of(Map.of(
                                            "type",
                                            "NOT_FOUND",
                                            "path",
                                            List.of("user"),
                                            "message",
                                            "Could not resolve to a User with the login of '" + login + "'."))));
        }
        Instant from = Instant.parse(vars.path("from").asString());
        Instant to = Instant.parse(vars.path("to").asString());
        List<Object[]> contributions = new ArrayList<>();
        for (PullRequest pr : pulls) {
            for (Review r : pr.reviews()) {
                if (key(r.reviewerLogin()).equals(key(login))
                        && !r.submittedAt().isBefore(from)
                        && !r.submittedAt().isAfter(to)) {
                    contributions.add(new Object[] {pr, r});
                }
            }
        }
        contributions.sort(Comparator.comparing(c -> ((Review) c[1]).submittedAt()));
        int offset = vars.path("after").isString()
                ? Integer.parseInt(vars.path("after").asString())
                : 0;
        int end = Math.min(contributions.size(), offset + 100);
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Object[] c : contributions.subList(Math.min(offset, end), end)) {
            PullRequest pr = (PullRequest) c[0];
            Review r = (Review) c[1];
            nodes.add(Map.of(
                    "pullRequestReview",
                            Map.of(
                                    "databaseId", r.id(),
                                    "state", r.state(),
                                    "submittedAt", iso(r.submittedAt()),
                                    "url", htmlUrl(pr) + "#pullrequestreview-" + r.id(),
                                    "author", Map.of("login", r.reviewerLogin())),
                    "pullRequest", graphPull(pr)));
        }
        var connection = new LinkedHashMap<String, Object>();
        connection.put("totalCount", contributions.size());
        connection.put("pageInfo", Map.of("hasNextPage", end < contributions.size(), "endCursor", String.valueOf(end)));
        connection.put("nodes", nodes);
        return new Answer(
                200,
                headers("graphql", Map.of()),
                Map.of(
                        "data",
                        Map.of(
                                "user",
                                Map.of(
                                        "contributionsCollection",
                                        Map.of("pullRequestReviewContributions", connection)))));
    }

    private static Map<String, Object> graphPull(PullRequest pr) {
        var pull = new LinkedHashMap<String, Object>();
        pull.put("number", pr.number());
        pull.put("title", pr.title());
        pull.put("url", htmlUrl(pr));
        pull.put("state", pr.mergedAt() != null ? "MERGED" : pr.closedAt() != null ? "CLOSED" : "OPEN");
        pull.put("isDraft", false);
        pull.put("createdAt", iso(pr.createdAt()));
        pull.put("mergedAt", iso(pr.mergedAt()));
        pull.put("closedAt", iso(pr.closedAt()));
        pull.put("updatedAt", iso(pr.updatedAt()));
        pull.put("author", Map.of("login", pr.authorLogin()));
        pull.put("repository", Map.of("nameWithOwner", pr.repo()));
        return pull;
    }

    /** Understands the qualifiers Worklens sends: author, reviewed-by, type/is, created, merged, updated. */
    static Predicate<PullRequest> matcher(String q) {
        Predicate<PullRequest> all = pr -> true;
        for (String term : q.trim().split("\\s+")) {
            int colon = term.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = term.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = term.substring(colon + 1);
            Predicate<PullRequest> p = switch (name) {
                case "author" -> pr -> key(pr.authorLogin()).equals(key(value));
                case "reviewed-by" ->
                    pr -> pr.reviews().stream()
                            .anyMatch(r -> key(r.reviewerLogin()).equals(key(value)));
                case "created" -> pr -> inRange(pr.createdAt(), value);
                case "merged" -> pr -> pr.mergedAt() != null && inRange(pr.mergedAt(), value);
                case "updated" -> pr -> inRange(pr.updatedAt(), value);
                case "is", "type" -> pr -> value.equals("pr") || value.equals("merged") && pr.mergedAt() != null;
                default -> pr -> true;
            };
            all = all.and(p);
        }
        return all;
    }

    /** GitHub's date qualifiers: {@code A..B} inclusive, {@code >=A}, {@code >A}, {@code <=B}, {@code <B}. */
    static boolean inRange(Instant at, String spec) {
        if (spec.contains("..")) {
            String[] parts = spec.split("\\.\\.", 2);
            return (parts[0].equals("*") || !at.isBefore(lower(parts[0])))
                    && (parts[1].equals("*") || !at.isAfter(upper(parts[1])));
        }
        if (spec.startsWith(">=")) {
            return !at.isBefore(lower(spec.substring(2)));
        }
        if (spec.startsWith(">")) {
            return at.isAfter(upper(spec.substring(1)));
        }
        if (spec.startsWith("<=")) {
            return !at.isAfter(upper(spec.substring(2)));
        }
        if (spec.startsWith("<")) {
            return at.isBefore(lower(spec.substring(1)));
        }
        return !at.isBefore(lower(spec)) && !at.isAfter(upper(spec));
    }

    private static Instant lower(String value) {
        return value.length() == 10
                ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                : java.time.OffsetDateTime.parse(value).toInstant();
    }

    /** A bare date covers its whole day; a date-time is exact. */
    private static Instant upper(String value) {
        return value.length() == 10
                ? LocalDate.parse(value)
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .minusNanos(1)
                : java.time.OffsetDateTime.parse(value).toInstant();
    }

    private Map<String, String> headers(String resource, Map<String, String> extra) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("x-ratelimit-limit", resource.equals("search") ? "30" : "5000");
        headers.put("x-ratelimit-remaining", resource.equals("search") ? "29" : "4999");
        headers.put("x-ratelimit-reset", String.valueOf(clock.instant().getEpochSecond() + 60));
        headers.put("x-ratelimit-resource", resource);
        headers.putAll(extra);
        return headers;
    }

    private static String htmlUrl(PullRequest pr) {
        return "https://github.com/" + pr.repo() + "/pull/" + pr.number();
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }

    private static String key(String login) {
        return login == null ? "" : login.toLowerCase(Locale.ROOT);
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
