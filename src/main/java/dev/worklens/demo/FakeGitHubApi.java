package dev.worklens.demo;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GitHub's REST and GraphQL APIs as documented, the one stand-in for GitHub: the demo, the
 * benchmarks, the end-to-end tests and the GitHub module's tests all run against it. It serves a
 * {@link FakeGitHubData}: issue search with its 1,000-result cap (422 past it) and
 * {@code incomplete_results}, Link-header pagination, the contribution graph's review
 * contributions by cursor, repository lists, commits, pulls and reviews, {@code x-ratelimit-*}
 * headers, the OAuth scope header, SAML and partial-results SSO headers, and injectable failures
 * (secondary and primary rate limits, 5xx, dropped connections, 429 bursts, an enforced search
 * budget). With a {@code basePath} of {@code /api/v3} it is a GitHub Enterprise Server.
 */
public final class FakeGitHubApi extends FakeApiServer {

    public static final String TOKEN = "ghp_demo0000000000000000000000000000000";
    private static final int SEARCH_CAP = 1000;

    public final FakeGitHubData data;
    private final String basePath;
    private final Clock clock;
    private final FakeGitHubFailures failures;
    /** "METHOD path?query" of every call, and the Authorization header each carried. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public final List<String> authorizations = new CopyOnWriteArrayList<>();

    // behaviour switches, set by tests
    public volatile String login = "worklens-bot";
    public volatile String scopesHeader = "repo, read:org";
    public volatile int pageSize = 100;
    public volatile String samlOrg;
    public volatile boolean everyTokenBad;
    /** Organisation ids a search answer says it hid (X-GitHub-SSO: partial-results). */
    public volatile String partialSearchOrganizations;

    private final AtomicInteger incompleteSearches = new AtomicInteger();
    /** First pages of searches whose total exceeded the cap, i.e. windows the client had to cut. */
    public final AtomicInteger overCap = new AtomicInteger();

    public final AtomicInteger firstPages = new AtomicInteger();
    public final AtomicInteger graphqlOverCap = new AtomicInteger();
    public final AtomicInteger graphqlFirstPages = new AtomicInteger();

    /** Random failures: a share of 5xx answers and dropped connections, and bursts of 429s. */
    public record RandomFaults(long seed, double serverErrorShare, double dropShare, int burstEvery, int burstLength) {}

    /** Secondary-limit enforcement on search in real time: at most {@code limit} per window. */
    public record SearchLimit(int limit, java.time.Duration window) {}

    private FakeGitHubApi(FakeGitHubData data, String basePath, Clock clock) {
        super(clock);
        this.data = data;
        this.basePath = basePath;
        this.clock = clock;
        this.failures = new FakeGitHubFailures(clock);
    }

    /** The demo's synthetic team; the token belongs to its manager. */
    public static FakeGitHubApi start(SyntheticWorkspace workspace, Clock clock) {
        var api = start(FakeGitHubData.of(workspace), "", clock);
        api.login = workspace.manager().githubLogin();
        return api;
    }

    /** What a test filled, under {@code basePath} ("" for github.com, "/api/v3" for Enterprise Server). */
    public static FakeGitHubApi start(FakeGitHubData data, String basePath, Clock clock) {
        var api = new FakeGitHubApi(data, basePath, clock);
        api.listen();
        return api;
    }

    /** The API's root as a client is configured with it, without a trailing slash. */
    public String apiUrl() {
        return baseUrl() + basePath;
    }

    public void secondaryLimitNext(int times) {
        failures.secondaryLimits.set(times);
    }

    public void exhaustPrimaryNext(int times) {
        failures.primaryExhausted.set(times);
    }

    public void serverErrorsNext(int times) {
        failures.serverErrors.set(times);
    }

    /** 429s without retry-after or rate-limit headers, as a proxy in front of GitHub may answer. */
    public void bareTooManyRequestsNext(int times) {
        failures.bareTooManyRequests.set(times);
    }

    public void incompleteSearchesNext(int times) {
        incompleteSearches.set(times);
    }

    public void randomFaults(RandomFaults faults) {
        failures.faults(faults);
    }

    /** Searches refused because they exceeded the enforced budget. */
    public int refusedSearches() {
        return failures.refusedSearches.get();
    }

    public void searchLimit(SearchLimit limit) {
        failures.searchLimit = limit;
    }

    public long count(Predicate<String> request) {
        return requests.stream().filter(request).count();
    }

    // ---- the API -------------------------------------------------------------------------

    private String graphqlPath() {
        return basePath.endsWith("/api/v3")
                ? basePath.substring(0, basePath.length() - 3) + "/graphql"
                : basePath + "/graphql";
    }

    /** Calls are counted as {@code search}, {@code graphql} or {@code core:/path}. */
    @Override
    protected String methodOf(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        if (path.equals(graphqlPath())) {
            return "graphql";
        }
        String route = path.startsWith(basePath + "/") ? path.substring(basePath.length()) : path;
        return route.startsWith("/search/") ? "search" : "core:" + route;
    }

    @Override
    protected Answer rateLimited(String method, long retryAfterSeconds) {
        return new Answer(
                403,
                Map.of("Retry-After", String.valueOf(retryAfterSeconds), "x-ratelimit-remaining", "0"),
                FakeGitHubShapes.message(
                        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."));
    }

    @Override
    protected Answer serverError(String method, int status) {
        return new Answer(status, Map.of(), FakeGitHubShapes.message("Server Error"));
    }

    @Override
    protected Answer answer(HttpExchange exchange, String method, Map<String, String> params) {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getQuery();
        requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(auth));
        String resource = method.equals("graphql") ? "graphql" : method.equals("search") ? "search" : "core";
        if (!path.startsWith(basePath + "/") && !path.equals(graphqlPath())) {
            return json(404, FakeGitHubShapes.message("Not Found"), resource);
        }
        Answer injected = failures.next(resource);
        if (injected != null) {
            return injected;
        }
        if (everyTokenBad || !(("Bearer " + TOKEN).equals(auth) || ("token " + TOKEN).equals(auth))) {
            return json(401, FakeGitHubShapes.message("Bad credentials").put("status", "401"), resource);
        }
        String route = resource.equals("graphql") ? "/graphql" : path.substring(basePath.length());
        try {
            if (route.equals("/user")) {
                var extra = new LinkedHashMap<String, String>();
                if (scopesHeader != null) {
                    extra.put("X-OAuth-Scopes", scopesHeader);
                }
                return new Answer(
                        200,
                        headers("core", extra),
                        JSON.createObjectNode().put("login", login).put("id", 1));
            }
            if (route.equals("/search/issues")) {
                return search(exchange, params);
            }
            if (route.equals("/graphql")) {
                JsonNode request = JSON.readTree(params.getOrDefault("__body", "{}"));
                return json(
                        200,
                        FakeGitHubGraphQl.answer(data, request, pageSize, graphqlFirstPages, graphqlOverCap),
                        "graphql");
            }
            if (route.equals("/user/repos")) {
                return page(
                        exchange,
                        params,
                        data.repos.stream()
                                .map(r -> (JsonNode) JSON.createObjectNode()
                                        .put("full_name", r)
                                        .put("name", r.substring(r.indexOf('/') + 1))
                                        .put("private", true))
                                .toList(),
                        "core");
            }
            if (route.startsWith("/repos/")) {
                return repository(exchange, params, route.substring("/repos/".length()));
            }
            if (route.startsWith("/users/")) {
                return user(route.substring("/users/".length()));
            }
        } catch (RuntimeException e) {
            return json(500, FakeGitHubShapes.message("fake failed: " + e), resource);
        }
        return json(404, FakeGitHubShapes.message("Not Found"), resource);
    }

    /** {@code GET /users/{login}}: the canonical spelling of a known login, else GitHub's documented 404. */
    private Answer user(String login) {
        return data.users.stream()
                .filter(u -> u.equalsIgnoreCase(login))
                .findFirst()
                .map(u -> json(
                        200,
                        JSON.createObjectNode()
                                .put("login", u)
                                .put("id", Math.abs(u.hashCode()))
                                .put("type", "User")
                                .put("html_url", "https://github.com/" + u),
                        "core"))
                .orElseGet(() -> json(
                        404,
                        FakeGitHubShapes.message("Not Found")
                                .put("documentation_url", "https://docs.github.com/rest/users/users#get-a-user")
                                .put("status", "404"),
                        "core"));
    }

    private Answer search(HttpExchange exchange, Map<String, String> params) {
        String q = params.getOrDefault("q", "");
        String author = FakeGitHubSearch.author(q);
        if (author != null && !data.knows(author)) {
            ObjectNode error = JSON.createObjectNode()
                    .put(
                            "message",
                            "The listed users cannot be searched either because the users do"
                                    + " not exist or you do not have permission to view the users.")
                    .put("resource", "Search")
                    .put("field", "q")
                    .put("code", "invalid");
            ObjectNode body = JSON.createObjectNode().put("message", "Validation Failed");
            body.set("errors", JSON.createArrayNode().add(error));
            return json(422, body, "search");
        }
        int page = Math.max(1, parseInt(params.get("page"), 1));
        if (page == 1) {
            firstPages.incrementAndGet();
        }
        List<FakeGitHubData.Pull> hits = data.pulls.stream()
                .filter(FakeGitHubSearch.matcher(q, data))
                .sorted(Comparator.comparing(FakeGitHubData.Pull::createdAt)
                        .thenComparing(FakeGitHubData.Pull::repo)
                        .thenComparing(FakeGitHubData.Pull::number))
                .toList();
        if (hits.size() > SEARCH_CAP && page == 1) {
            overCap.incrementAndGet();
        }
        int perPage = Math.min(100, Math.max(1, parseInt(params.get("per_page"), 30)));
        if ((long) (page - 1) * perPage >= SEARCH_CAP) {
            return json(422, FakeGitHubShapes.message("Only the first 1000 search results are available"), "search");
        }
        int reachable = Math.min(hits.size(), SEARCH_CAP);
        int from = Math.min(reachable, (page - 1) * perPage);
        int to = Math.min(reachable, page * perPage);
        ArrayNode items = JSON.createArrayNode();
        hits.subList(from, to).forEach(p -> items.add(FakeGitHubShapes.searchItem(p, apiUrl())));
        boolean incomplete = incompleteSearches.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        ObjectNode body =
                JSON.createObjectNode().put("total_count", hits.size()).put("incomplete_results", incomplete);
        body.set(
                "items", incomplete && items.size() > 1 ? JSON.createArrayNode().add(items.get(0)) : items);
        var extra = new LinkedHashMap<String, String>();
        if (partialSearchOrganizations != null) {
            extra.put("X-GitHub-SSO", "partial-results; organizations=" + partialSearchOrganizations);
        }
        if (to < reachable) {
            extra.put(
                    "Link",
                    link(exchange, params, page + 1, "next") + ", "
                            + link(exchange, params, (reachable + perPage - 1) / perPage, "last"));
        }
        return new Answer(200, headers("search", extra), body);
    }

    private Answer repository(HttpExchange exchange, Map<String, String> params, String rest) {
        String[] parts = rest.split("/");
        String repo = parts[0] + "/" + parts[1];
        if (samlOrg != null && parts[0].equalsIgnoreCase(samlOrg)) {
            return new Answer(
                    403,
                    Map.of(
                            "X-GitHub-SSO",
                            "required; url=https://github.com/orgs/" + samlOrg + "/sso?authorization_request=AbC123"),
                    FakeGitHubShapes.message(
                            "Resource protected by organization SAML enforcement. You must grant your Personal"
                                    + " Access token access to this organization."));
        }
        if (!data.repos.contains(repo)) {
            return json(404, FakeGitHubShapes.message("Not Found"), "core");
        }
        String list = parts.length > 2 ? parts[2] : "";
        if (list.equals("commits")) {
            Instant since = Instant.parse(params.get("since"));
            Instant until = Instant.parse(params.get("until"));
            return page(
                    exchange,
                    params,
                    data.commits.stream()
                            .filter(c -> c.repo().equals(repo)
                                    && !c.date().isBefore(since)
                                    && !c.date().isAfter(until))
                            .sorted(Comparator.comparing(FakeGitHubData.Commit::date)
                                    .reversed())
                            .map(FakeGitHubShapes::commitJson)
                            .toList(),
                    "core");
        }
        if (list.equals("pulls") && parts.length == 3) {
            return page(
                    exchange,
                    params,
                    pullsOf(repo)
                            .sorted(Comparator.comparing(FakeGitHubData.Pull::updatedAt)
                                    .reversed())
                            .map(p -> (JsonNode) FakeGitHubShapes.pullJson(p))
                            .toList(),
                    "core");
        }
        if (list.equals("pulls") && parts.length == 5 && parts[4].equals("reviews")) {
            int number = Integer.parseInt(parts[3]);
            return page(
                    exchange,
                    params,
                    data.reviews.stream()
                            .filter(r -> r.repo().equals(repo) && r.number() == number)
                            .sorted(Comparator.comparing(FakeGitHubData.Review::submittedAt))
                            .map(FakeGitHubShapes::reviewJson)
                            .toList(),
                    "core");
        }
        if (list.equals("issues")) {
            Instant since = Instant.parse(params.get("since"));
            Stream<ObjectNode> issues = data.issues.stream()
                    .filter(i -> i.repo().equals(repo) && !i.updatedAt().isBefore(since))
                    .map(FakeGitHubShapes::issueJson);
            Stream<ObjectNode> prsAsIssues = pullsOf(repo)
                    .filter(p -> !p.updatedAt().isBefore(since))
                    .map(p -> {
                        ObjectNode node = FakeGitHubShapes.pullJson(p);
                        node.set("pull_request", JSON.createObjectNode().put("url", "x"));
                        return node;
                    });
            return page(
                    exchange,
                    params,
                    Stream.concat(issues, prsAsIssues)
                            .sorted(Comparator.comparing((ObjectNode n) ->
                                            n.path("updated_at").asString())
                                    .reversed())
                            .map(n -> (JsonNode) n)
                            .toList(),
                    "core");
        }
        return json(404, FakeGitHubShapes.message("Not Found"), "core");
    }

    private Stream<FakeGitHubData.Pull> pullsOf(String repo) {
        return data.pulls.stream().filter(p -> p.repo().equals(repo));
    }

    // ---- plumbing ------------------------------------------------------------------------

    private Answer page(HttpExchange exchange, Map<String, String> params, List<JsonNode> all, String resource) {
        int perPage = Math.min(pageSize, Math.min(100, parseInt(params.get("per_page"), 30)));
        int page = parseInt(params.get("page"), 1);
        int from = Math.min(all.size(), (page - 1) * perPage);
        int to = Math.min(all.size(), page * perPage);
        ArrayNode body = JSON.createArrayNode();
        all.subList(from, to).forEach(body::add);
        var extra = new LinkedHashMap<String, String>();
        if (to < all.size()) {
            extra.put(
                    "Link",
                    link(exchange, params, page + 1, "next") + ", "
                            + link(exchange, params, (all.size() + perPage - 1) / perPage, "last"));
        }
        return new Answer(200, headers(resource, extra), body);
    }

    /** The same request with another {@code page}, as GitHub's Link header gives it. */
    private String link(HttpExchange exchange, Map<String, String> params, int page, String rel) {
        var query = new StringBuilder();
        var withPage = new LinkedHashMap<>(params);
        withPage.remove("__body");
        withPage.put("page", String.valueOf(page));
        withPage.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return "<" + baseUrl() + exchange.getRequestURI().getRawPath() + query + ">; rel=\"" + rel + "\"";
    }

    private Answer json(int code, JsonNode body, String resource) {
        return new Answer(code, headers(resource, Map.of()), body);
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

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
