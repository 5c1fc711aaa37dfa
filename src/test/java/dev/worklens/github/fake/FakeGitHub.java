package dev.worklens.github.fake;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local GitHub serving the documented REST and GraphQL shapes from {@link FakeData}: issue
 * search with its 1,000-result cap and incomplete_results, Link-header pagination, the review
 * contribution graph, repository lists, rate-limit headers, and injectable failures.
 */
public class FakeGitHub extends Dispatcher implements AutoCloseable {

    public static final String TOKEN = "ghp_FAKEtoken0123456789abcdefSECRET";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final FakeData data;
    private final MockWebServer server = new MockWebServer();
    private final String basePath;
    private final Clock clock;
    private final FakeFailures failures;
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();

    // behaviour switches, set by tests
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
    private final Map<String, Integer> searchCounts = new ConcurrentHashMap<>();

    /** Random failures: a share of 5xx answers and dropped connections, and bursts of 429s. */
    public record Faults(long seed, double serverErrorShare, double dropShare, int burstEvery, int burstLength) {}

    /** Secondary-limit enforcement on search in real time: at most {@code limit} per window. */
    public record SearchLimit(int limit, java.time.Duration window) {}

    public FakeGitHub(FakeData data, String basePath, Clock clock) {
        this.data = data;
        this.basePath = basePath;
        this.clock = clock;
        this.failures = new FakeFailures(clock);
        server.setDispatcher(this);
        server.setServerSocketFactory(new NoDelaySockets());
        try {
            server.start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String apiUrl() {
        return server.url(basePath.isEmpty() ? "/" : basePath).toString().replaceAll("/$", "");
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

    public void incompleteSearchesNext(int times) {
        incompleteSearches.set(times);
    }

    public void faults(Faults faults) {
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

    @Override
    public void close() {
        server.close();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String path = url.encodedPath();
        requests.add(request.getMethod() + " " + path + (url.query() == null ? "" : "?" + url.query()));
        authorizations.add(String.valueOf(request.getHeaders().get("Authorization")));
        if (!path.startsWith(basePath + "/") && !path.equals(graphqlPath())) {
            return json(404, FakeShapes.message("Not Found"), "core");
        }
        String resource =
                path.equals(graphqlPath()) ? "graphql" : path.startsWith(basePath + "/search/") ? "search" : "core";
        MockResponse injected = failures.next(resource);
        if (injected != null) {
            return injected;
        }
        if (everyTokenBad || !("Bearer " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
            return json(401, FakeShapes.message("Bad credentials"), resource);
        }
        String route = path.equals(graphqlPath()) ? "/graphql" : path.substring(basePath.length());
        try {
            if (route.equals("/user")) {
                var builder = response(200, JSON.createObjectNode().put("login", "worklens-bot"), "core");
                if (scopesHeader != null) {
                    builder.addHeader("X-OAuth-Scopes", scopesHeader);
                }
                return builder.build();
            }
            if (route.equals("/search/issues")) {
                return search(url);
            }
            if (route.equals("/graphql")) {
                return json(
                        200,
                        FakeGraphQl.answer(
                                data,
                                JSON.readTree(request.getBody().utf8()),
                                pageSize,
                                graphqlFirstPages,
                                graphqlOverCap),
                        "graphql");
            }
            if (route.equals("/user/repos")) {
                return page(
                        url,
                        data.repos.stream()
                                .map(r -> (JsonNode) JSON.createObjectNode().put("full_name", r))
                                .toList(),
                        "core");
            }
            if (route.startsWith("/repos/")) {
                return repository(url, route.substring("/repos/".length()));
            }
            if (route.startsWith("/users/")) {
                return user(route.substring("/users/".length()));
            }
        } catch (RuntimeException e) {
            return json(500, FakeShapes.message("fake failed: " + e), resource);
        }
        return json(404, FakeShapes.message("Not Found"), resource);
    }

    /** {@code GET /users/{login}}: the canonical spelling of a known login, else GitHub's documented 404. */
    private MockResponse user(String login) {
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
                        FakeShapes.message("Not Found")
                                .put("documentation_url", "https://docs.github.com/rest/users/users#get-a-user")
                                .put("status", "404"),
                        "core"));
    }

    private String graphqlPath() {
        return basePath.endsWith("/api/v3")
                ? basePath.substring(0, basePath.length() - 3) + "/graphql"
                : basePath + "/graphql";
    }

    // search --------------------------------------------------------------------------------

    private MockResponse search(HttpUrl url) {
        String q = url.queryParameter("q");
        SearchQuery query = SearchQuery.parse(q);
        if (query.author() != null && !data.knows(query.author())) {
            return json(
                    422,
                    JSON.createObjectNode()
                            .put("message", "Validation Failed")
                            .set(
                                    "errors",
                                    JSON.createArrayNode()
                                            .add(JSON.createObjectNode()
                                                    .put(
                                                            "message",
                                                            "The listed users cannot be searched either because the users do"
                                                                    + " not exist or you do not have permission to view the users.")
                                                    .put("resource", "Search")
                                                    .put("field", "q")
                                                    .put("code", "invalid"))),
                    "search");
        }
        searchCounts.merge(q, 1, Integer::sum);
        if (parseInt(url.queryParameter("page"), 1) == 1) {
            firstPages.incrementAndGet();
        }
        List<FakeData.Pull> hits = data.pulls.stream()
                .filter(query::matches)
                .sorted(Comparator.comparing(FakeData.Pull::createdAt)
                        .thenComparing(FakeData.Pull::repo)
                        .thenComparing(FakeData.Pull::number))
                .toList();
        if (hits.size() > 1000 && parseInt(url.queryParameter("page"), 1) == 1) {
            overCap.incrementAndGet();
        }
        int perPage = Math.min(100, parseInt(url.queryParameter("per_page"), 30));
        int page = parseInt(url.queryParameter("page"), 1);
        if (page * perPage > 1000 && (page - 1) * perPage >= 1000) {
            return json(422, FakeShapes.message("Only the first 1000 search results are available"), "search");
        }
        int from = Math.min(hits.size(), (page - 1) * perPage);
        int to = Math.min(Math.min(hits.size(), 1000), page * perPage);
        ArrayNode items = JSON.createArrayNode();
        hits.subList(from, Math.max(from, to)).forEach(p -> items.add(FakeShapes.searchItem(p, apiUrl())));
        boolean incomplete = incompleteSearches.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        ObjectNode body =
                JSON.createObjectNode().put("total_count", hits.size()).put("incomplete_results", incomplete);
        body.set(
                "items", incomplete && items.size() > 1 ? JSON.createArrayNode().add(items.get(0)) : items);
        var builder = response(200, body, "search");
        if (partialSearchOrganizations != null) {
            builder.addHeader("X-GitHub-SSO", "partial-results; organizations=" + partialSearchOrganizations);
        }
        int reachable = Math.min(hits.size(), 1000);
        if (to < reachable) {
            builder.addHeader(
                    "Link",
                    link(url, page + 1, "next") + ", " + link(url, (reachable + perPage - 1) / perPage, "last"));
        }
        return builder.build();
    }

    // per-repository REST --------------------------------------------------------------------

    private MockResponse repository(HttpUrl url, String rest) {
        String[] parts = rest.split("/");
        String repo = parts[0] + "/" + parts[1];
        if (samlOrg != null && parts[0].equalsIgnoreCase(samlOrg)) {
            return new MockResponse.Builder()
                    .code(403)
                    .addHeader("Content-Type", "application/json")
                    .addHeader(
                            "X-GitHub-SSO",
                            "required; url=https://github.com/orgs/" + samlOrg + "/sso?authorization_request=AbC123")
                    .body(FakeShapes.message(
                                    "Resource protected by organization SAML enforcement. You must grant your Personal"
                                            + " Access token access to this organization.")
                            .toString())
                    .build();
        }
        if (!data.repos.contains(repo)) {
            return json(404, FakeShapes.message("Not Found"), "core");
        }
        String list = parts.length > 2 ? parts[2] : "";
        if (list.equals("commits")) {
            Instant since = Instant.parse(url.queryParameter("since"));
            Instant until = Instant.parse(url.queryParameter("until"));
            return page(
                    url,
                    data.commits.stream()
                            .filter(c -> c.repo().equals(repo)
                                    && !c.date().isBefore(since)
                                    && !c.date().isAfter(until))
                            .sorted(Comparator.comparing(FakeData.Commit::date).reversed())
                            .map(FakeShapes::commitJson)
                            .toList(),
                    "core");
        }
        if (list.equals("pulls") && parts.length == 3) {
            return page(
                    url,
                    pullsOf(repo)
                            .sorted(Comparator.comparing(FakeData.Pull::updatedAt)
                                    .reversed())
                            .map(p -> (JsonNode) FakeShapes.pullJson(p))
                            .toList(),
                    "core");
        }
        if (list.equals("pulls") && parts.length == 5 && parts[4].equals("reviews")) {
            int number = Integer.parseInt(parts[3]);
            return page(
                    url,
                    data.reviews.stream()
                            .filter(r -> r.repo().equals(repo) && r.number() == number)
                            .sorted(Comparator.comparing(FakeData.Review::submittedAt))
                            .map(FakeShapes::reviewJson)
                            .toList(),
                    "core");
        }
        if (list.equals("issues")) {
            Instant since = Instant.parse(url.queryParameter("since"));
            Stream<ObjectNode> issues = data.issues.stream()
                    .filter(i -> i.repo().equals(repo) && !i.updatedAt().isBefore(since))
                    .map(FakeShapes::issueJson);
            Stream<ObjectNode> prsAsIssues = pullsOf(repo)
                    .filter(p -> !p.updatedAt().isBefore(since))
                    .map(p -> {
                        ObjectNode node = FakeShapes.pullJson(p);
                        node.set("pull_request", JSON.createObjectNode().put("url", "x"));
                        return node;
                    });
            return page(
                    url,
                    Stream.concat(issues, prsAsIssues)
                            .sorted(Comparator.comparing((ObjectNode n) ->
                                            n.path("updated_at").asString())
                                    .reversed())
                            .map(n -> (JsonNode) n)
                            .toList(),
                    "core");
        }
        return json(404, FakeShapes.message("Not Found"), "core");
    }

    private Stream<FakeData.Pull> pullsOf(String repo) {
        return data.pulls.stream().filter(p -> p.repo().equals(repo));
    }

    // plumbing --------------------------------------------------------------------------------

    private MockResponse page(HttpUrl url, List<JsonNode> all, String resource) {
        int perPage = Math.min(pageSize, Math.min(100, parseInt(url.queryParameter("per_page"), 30)));
        int page = parseInt(url.queryParameter("page"), 1);
        int from = Math.min(all.size(), (page - 1) * perPage);
        int to = Math.min(all.size(), page * perPage);
        ArrayNode body = JSON.createArrayNode();
        all.subList(from, to).forEach(body::add);
        var builder = response(200, body, resource);
        if (to < all.size()) {
            builder.addHeader(
                    "Link",
                    link(url, page + 1, "next") + ", " + link(url, (all.size() + perPage - 1) / perPage, "last"));
        }
        return builder.build();
    }

    private String link(HttpUrl url, int page, String rel) {
        return "<"
                + url.newBuilder()
                        .setQueryParameter("page", String.valueOf(page))
                        .build() + ">; rel=\"" + rel + "\"";
    }

    private MockResponse json(int code, JsonNode body, String resource) {
        return response(code, body, resource).build();
    }

    private MockResponse.Builder response(int code, JsonNode body, String resource) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json; charset=utf-8")
                .addHeader("x-ratelimit-limit", resource.equals("search") ? "30" : "5000")
                .addHeader("x-ratelimit-remaining", "29")
                .addHeader("x-ratelimit-reset", String.valueOf(clock.instant().getEpochSecond() + 60))
                .addHeader("x-ratelimit-resource", resource)
                .body(body.toString());
    }

    private static int parseInt(String value, int fallback) {
        return value == null ? fallback : Integer.parseInt(value);
    }
}
