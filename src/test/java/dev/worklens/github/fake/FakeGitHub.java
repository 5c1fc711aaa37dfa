package dev.worklens.github.fake;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
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
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();

    // behaviour switches, set by tests
    public volatile String scopesHeader = "repo, read:org";
    public volatile int pageSize = 100;
    public volatile String samlOrg;
    public volatile boolean everyTokenBad;
    /** Organisation ids a search answer says it hid (X-GitHub-SSO: partial-results). */
    public volatile String partialSearchOrganizations;

    private final AtomicInteger secondaryLimits = new AtomicInteger();
    private final AtomicInteger primaryExhausted = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger incompleteSearches = new AtomicInteger();
    /** First pages of searches whose total exceeded the cap, i.e. windows the client had to cut. */
    public final AtomicInteger overCap = new AtomicInteger();

    public final AtomicInteger firstPages = new AtomicInteger();
    public final AtomicInteger graphqlOverCap = new AtomicInteger();
    public final AtomicInteger graphqlFirstPages = new AtomicInteger();
    private final Map<String, Integer> searchCounts = new ConcurrentHashMap<>();
    private volatile Faults faults;
    private volatile SearchLimit searchLimit;

    /** Random failures: a share of 5xx answers and dropped connections, and bursts of 429s. */
    public record Faults(long seed, double serverErrorShare, double dropShare, int burstEvery, int burstLength) {}

    /** Secondary-limit enforcement on search in real time: at most {@code limit} per window. */
    public record SearchLimit(int limit, java.time.Duration window) {}

    private Random random;
    private int burstLeft;
    private final List<Long> searchTimes = new ArrayList<>();

    public FakeGitHub(FakeData data, String basePath, Clock clock) {
        this.data = data;
        this.basePath = basePath;
        this.clock = clock;
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
        secondaryLimits.set(times);
    }

    public void exhaustPrimaryNext(int times) {
        primaryExhausted.set(times);
    }

    public void serverErrorsNext(int times) {
        serverErrors.set(times);
    }

    public void incompleteSearchesNext(int times) {
        incompleteSearches.set(times);
    }

    public synchronized void faults(Faults faults) {
        this.faults = faults;
        this.random = faults == null ? null : new Random(faults.seed());
        this.burstLeft = 0;
    }

    public void searchLimit(SearchLimit limit) {
        this.searchLimit = limit;
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
            return json(404, message("Not Found"), "core");
        }
        String resource =
                path.equals(graphqlPath()) ? "graphql" : path.startsWith(basePath + "/search/") ? "search" : "core";
        MockResponse injected = injectedFailure(resource);
        if (injected != null) {
            return injected;
        }
        if (everyTokenBad || !("Bearer " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
            return json(401, message("Bad credentials"), resource);
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
                return graphql(JSON.readTree(request.getBody().utf8()));
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
        } catch (RuntimeException e) {
            return json(500, message("fake failed: " + e), resource);
        }
        return json(404, message("Not Found"), resource);
    }

    private String graphqlPath() {
        return basePath.endsWith("/api/v3")
                ? basePath.substring(0, basePath.length() - 3) + "/graphql"
                : basePath + "/graphql";
    }

    private synchronized MockResponse injectedFailure(String resource) {
        if (secondaryLimits.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new MockResponse.Builder()
                    .code(403)
                    .addHeader("Content-Type", "application/json")
                    .addHeader("retry-after", "7")
                    .body(message(
                                    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.")
                            .toString())
                    .build();
        }
        if (primaryExhausted.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new MockResponse.Builder()
                    .code(403)
                    .addHeader("Content-Type", "application/json")
                    .addHeader("x-ratelimit-limit", "5000")
                    .addHeader("x-ratelimit-remaining", "0")
                    .addHeader(
                            "x-ratelimit-reset", String.valueOf(clock.instant().getEpochSecond() + 600))
                    .addHeader("x-ratelimit-resource", resource)
                    .body(message("API rate limit exceeded for user ID 1.").toString())
                    .build();
        }
        if (serverErrors.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return json(502, message("Server Error"), resource);
        }
        if (searchLimit != null && resource.equals("search")) {
            long now = System.nanoTime();
            // 50 ms of tolerance: the client's pacer and this fake see each call at slightly different moments
            searchTimes.removeIf(
                    t -> now - t >= searchLimit.window().minusMillis(50).toNanos());
            if (searchTimes.size() >= searchLimit.limit()) {
                return new MockResponse.Builder()
                        .code(403)
                        .addHeader("Content-Type", "application/json")
                        .addHeader("retry-after", "1")
                        .body(message("You have exceeded a secondary rate limit.")
                                .toString())
                        .build();
            }
            searchTimes.add(now);
        }
        if (faults != null) {
            if (burstLeft > 0) {
                burstLeft--;
                return new MockResponse.Builder()
                        .code(429)
                        .addHeader("retry-after", "2")
                        .body(message("Too many requests").toString())
                        .build();
            }
            if (faults.burstEvery() > 0 && random.nextInt(faults.burstEvery()) == 0) {
                burstLeft = faults.burstLength() - 1;
                return new MockResponse.Builder()
                        .code(429)
                        .addHeader("retry-after", "2")
                        .body("{}")
                        .build();
            }
            double roll = random.nextDouble();
            if (roll < faults.serverErrorShare()) {
                return json(random.nextBoolean() ? 500 : 503, message("Server Error"), resource);
            }
            if (roll < faults.serverErrorShare() + faults.dropShare()) {
                return new MockResponse.Builder()
                        .onResponseStart(new SocketEffect.CloseSocket(true, true, true))
                        .build();
            }
        }
        return null;
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
            return json(422, message("Only the first 1000 search results are available"), "search");
        }
        int from = Math.min(hits.size(), (page - 1) * perPage);
        int to = Math.min(Math.min(hits.size(), 1000), page * perPage);
        ArrayNode items = JSON.createArrayNode();
        hits.subList(from, Math.max(from, to)).forEach(p -> items.add(searchItem(p)));
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

    private ObjectNode searchItem(FakeData.Pull p) {
        ObjectNode item = JSON.createObjectNode()
                .put("id", (long) p.repo().hashCode() * 100_000 + p.number())
                .put("number", p.number())
                .put("title", p.title())
                .put("html_url", "https://github.example/" + p.repo() + "/pull/" + p.number())
                .put("repository_url", apiUrl() + "/repos/" + p.repo())
                .put("state", p.state())
                .put("draft", false)
                .put("created_at", p.createdAt().toString())
                .put("updated_at", p.updatedAt().toString());
        item.set("user", JSON.createObjectNode().put("login", p.author()));
        putTime(item, "closed_at", p.closedAt());
        ObjectNode pr = JSON.createObjectNode().put("url", apiUrl() + "/repos/" + p.repo() + "/pulls/" + p.number());
        putTime(pr, "merged_at", p.mergedAt());
        item.set("pull_request", pr);
        return item;
    }

    // GraphQL: the review contribution graph --------------------------------------------------

    private MockResponse graphql(JsonNode request) {
        JsonNode vars = request.path("variables");
        String login = vars.path("login").asString();
        JsonNode after = vars.path("after");
        if (after.isNull() || after.isMissingNode()) {
            graphqlFirstPages.incrementAndGet();
        }
        if (!data.knows(login)) {
            ObjectNode body = JSON.createObjectNode();
            body.set("data", JSON.createObjectNode().putNull("user"));
            body.set(
                    "errors",
                    JSON.createArrayNode()
                            .add(JSON.createObjectNode()
                                    .put("type", "NOT_FOUND")
                                    .put("message", "Could not resolve to a User with the login of '" + login + "'.")));
            return json(200, body, "graphql");
        }
        Instant from = Instant.parse(vars.path("from").asString());
        Instant to = Instant.parse(vars.path("to").asString());
        if (java.time.Duration.between(from, to).toDays() > 366) {
            return json(
                    200, graphqlError("The total time spanned by 'from' and 'to' must not exceed 1 year"), "graphql");
        }
        List<FakeData.Review> hits = data.reviews.stream()
                .filter(r -> r.reviewer().equalsIgnoreCase(login))
                .filter(r -> !r.submittedAt().isBefore(from) && !r.submittedAt().isAfter(to))
                .sorted(Comparator.comparing(FakeData.Review::submittedAt).thenComparing(FakeData.Review::id))
                .toList();
        int offset = after.isNull() || after.isMissingNode()
                ? 0
                : Integer.parseInt(after.asString().substring(7));
        if (hits.size() > 1000 && offset == 0) {
            graphqlOverCap.incrementAndGet();
        }
        int end = Math.min(hits.size(), offset + Math.min(100, pageSize));
        ArrayNode nodes = JSON.createArrayNode();
        for (FakeData.Review r : hits.subList(offset, end)) {
            FakeData.Pull p = data.pulls.stream()
                    .filter(x -> x.repo().equals(r.repo()) && x.number() == r.number())
                    .findFirst()
                    .orElseThrow();
            ObjectNode review = JSON.createObjectNode()
                    .put("databaseId", r.id())
                    .put("state", r.state())
                    .put("submittedAt", r.submittedAt().toString())
                    .put(
                            "url",
                            "https://github.example/" + r.repo() + "/pull/" + r.number() + "#pullrequestreview-"
                                    + r.id());
            review.set("author", JSON.createObjectNode().put("login", r.reviewer()));
            ObjectNode pull = JSON.createObjectNode()
                    .put("number", p.number())
                    .put("title", p.title())
                    .put("url", "https://github.example/" + p.repo() + "/pull/" + p.number())
                    .put("state", p.mergedAt() != null ? "MERGED" : p.closedAt() != null ? "CLOSED" : "OPEN")
                    .put("isDraft", false)
                    .put("createdAt", p.createdAt().toString())
                    .put("updatedAt", p.updatedAt().toString());
            putTime(pull, "mergedAt", p.mergedAt());
            putTime(pull, "closedAt", p.closedAt());
            pull.set("author", JSON.createObjectNode().put("login", p.author()));
            pull.set("repository", JSON.createObjectNode().put("nameWithOwner", p.repo()));
            ObjectNode node =
                    JSON.createObjectNode().put("occurredAt", r.submittedAt().toString());
            node.set("pullRequestReview", review);
            node.set("pullRequest", pull);
            nodes.add(node);
        }
        ObjectNode connection = JSON.createObjectNode().put("totalCount", hits.size());
        ObjectNode pageInfo = JSON.createObjectNode().put("hasNextPage", end < hits.size());
        if (end > offset) {
            pageInfo.put("endCursor", "cursor:" + end);
        } else {
            pageInfo.putNull("endCursor");
        }
        connection.set("pageInfo", pageInfo);
        connection.set("nodes", nodes);
        ObjectNode body = JSON.createObjectNode();
        ObjectNode collection = JSON.createObjectNode();
        collection.set("pullRequestReviewContributions", connection);
        ObjectNode user = JSON.createObjectNode();
        user.set("contributionsCollection", collection);
        body.set("data", JSON.createObjectNode().set("user", user));
        return json(200, body, "graphql");
    }

    private static ObjectNode graphqlError(String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putNull("data");
        body.set("errors", JSON.createArrayNode().add(JSON.createObjectNode().put("message", message)));
        return body;
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
                    .body(message("Resource protected by organization SAML enforcement. You must grant your Personal"
                                    + " Access token access to this organization.")
                            .toString())
                    .build();
        }
        if (!data.repos.contains(repo)) {
            return json(404, message("Not Found"), "core");
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
                            .map(this::commitJson)
                            .toList(),
                    "core");
        }
        if (list.equals("pulls") && parts.length == 3) {
            return page(
                    url,
                    pullsOf(repo)
                            .sorted(Comparator.comparing(FakeData.Pull::updatedAt)
                                    .reversed())
                            .map(p -> (JsonNode) pullJson(p))
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
                            .map(this::reviewJson)
                            .toList(),
                    "core");
        }
        if (list.equals("issues")) {
            Instant since = Instant.parse(url.queryParameter("since"));
            Stream<ObjectNode> issues = data.issues.stream()
                    .filter(i -> i.repo().equals(repo) && !i.updatedAt().isBefore(since))
                    .map(this::issueJson);
            Stream<ObjectNode> prsAsIssues = pullsOf(repo)
                    .filter(p -> !p.updatedAt().isBefore(since))
                    .map(p -> {
                        ObjectNode node = pullJson(p);
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
        return json(404, message("Not Found"), "core");
    }

    private Stream<FakeData.Pull> pullsOf(String repo) {
        return data.pulls.stream().filter(p -> p.repo().equals(repo));
    }

    private JsonNode commitJson(FakeData.Commit c) {
        ObjectNode node = JSON.createObjectNode()
                .put("sha", c.sha())
                .put("html_url", "https://github.example/" + c.repo() + "/commit/" + c.sha());
        ObjectNode commit = JSON.createObjectNode().put("message", c.message());
        commit.set(
                "author",
                JSON.createObjectNode()
                        .put("name", "Someone")
                        .put("date", c.date().toString()));
        commit.set(
                "committer",
                JSON.createObjectNode()
                        .put("name", "Someone")
                        .put("date", c.date().toString()));
        node.set("commit", commit);
        if (c.author() == null) {
            node.putNull("author");
        } else {
            node.set("author", JSON.createObjectNode().put("login", c.author()));
        }
        return node;
    }

    private ObjectNode pullJson(FakeData.Pull p) {
        ObjectNode node = JSON.createObjectNode()
                .put("number", p.number())
                .put("title", p.title())
                .put("html_url", "https://github.example/" + p.repo() + "/pull/" + p.number())
                .put("state", p.state())
                .put("draft", false)
                .put("created_at", p.createdAt().toString())
                .put("updated_at", p.updatedAt().toString());
        putTime(node, "merged_at", p.mergedAt());
        putTime(node, "closed_at", p.closedAt());
        node.set("user", JSON.createObjectNode().put("login", p.author()));
        return node;
    }

    private JsonNode reviewJson(FakeData.Review r) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", r.id())
                .put("state", r.state())
                .put("submitted_at", r.submittedAt().toString())
                .put(
                        "html_url",
                        "https://github.example/" + r.repo() + "/pull/" + r.number() + "#pullrequestreview-" + r.id());
        node.set("user", JSON.createObjectNode().put("login", r.reviewer()));
        return node;
    }

    private ObjectNode issueJson(FakeData.Issue i) {
        ObjectNode node = JSON.createObjectNode()
                .put("number", i.number())
                .put("title", i.title())
                .put("html_url", "https://github.example/" + i.repo() + "/issues/" + i.number())
                .put("state", "open")
                .put("created_at", i.createdAt().toString())
                .put("updated_at", i.updatedAt().toString());
        node.putNull("closed_at");
        node.set("user", JSON.createObjectNode().put("login", i.author()));
        return node;
    }

    /** Answers leave at once: without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms to each one. */
    private static final class NoDelaySockets extends javax.net.ServerSocketFactory {
        @Override
        public java.net.ServerSocket createServerSocket() throws IOException {
            return new java.net.ServerSocket() {
                @Override
                public java.net.Socket accept() throws IOException {
                    java.net.Socket socket = new java.net.Socket();
                    implAccept(socket);
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address)
                throws IOException {
            throw new UnsupportedOperationException();
        }
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

    private static ObjectNode message(String text) {
        return JSON.createObjectNode().put("message", text).put("documentation_url", "https://docs.github.com/rest");
    }

    private static void putTime(ObjectNode node, String field, Instant value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.toString());
        }
    }

    private static int parseInt(String value, int fallback) {
        return value == null ? fallback : Integer.parseInt(value);
    }
}
