package dev.worklens.demo;

import com.sun.net.httpserver.HttpExchange;
import dev.worklens.demo.FakeSlackWorkspace.Index;
import dev.worklens.demo.FakeSlackWorkspace.Msg;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slack's Web API as documented, the one stand-in for Slack: the demo, the benchmarks, the
 * end-to-end tests and the Slack module's tests all run against it. It serves a
 * {@link FakeSlackWorkspace} with cursor pagination ({@code response_metadata.next_cursor}, pages
 * shorter than asked when capped, as Slack may send), {@code ok:false} errors with HTTP 200, thread
 * replies through {@code conversations.replies} (broadcast replies in history too),
 * {@code oldest}/{@code latest} exclusive unless {@code inclusive}, 429 with {@code Retry-After},
 * and OAuth v2 whose consent screen approves at once. Tests add per-channel and per-method errors,
 * page caps, scripted faults and a revocable token.
 */
public final class FakeSlackApi extends FakeApiServer {

    public static final String TOKEN = "xoxp-demo-user-token";
    public static final String CLIENT_ID = "demo.client";
    public static final String CLIENT_SECRET = "demo-client-secret";
    /** Who signs in to a workspace a test fills: the owner of the user token. */
    public static final String OPERATOR = "U0OLIVIA";

    /** The scopes Sign in with Slack asks for, as Slack lists a token's grant. */
    public static final String ALL_SCOPES =
            "channels:history,channels:read,groups:history,groups:read,users:read,users:read.email,usergroups:read";
    /** A second user token of the same person whose app was installed without the private-channel scopes. */
    public static final String TOKEN_WITHOUT_GROUPS = "xoxp-fake-token-without-groups";
    /** A token that may list private channels ({@code groups:read}) but not read them ({@code groups:history}). */
    public static final String TOKEN_WITHOUT_GROUPS_HISTORY = "xoxp-fake-token-without-groups-history";

    private volatile FakeSlackWorkspace workspace;
    private final boolean scripted;
    // one fresh code per authorize, usable once: a guessed or replayed code signs nobody in
    private final java.util.Set<String> codes = ConcurrentHashMap.newKeySet();
    private final java.security.SecureRandom random = new java.security.SecureRandom();
    private final Map<String, String> channelErrors = new ConcurrentHashMap<>();
    /** {@code conversations.members} per channel; a channel not set lists everyone in the workspace. */
    private final Map<String, List<String>> channelMembers = new ConcurrentHashMap<>();

    private final Map<String, String> methodErrors = new ConcurrentHashMap<>();
    private final List<String> historyRequests = new ArrayList<>();
    /** Other accepted tokens of the operator and their scopes (a test's workspace only); the main token has all. */
    private final Map<String, String> otherTokens = new ConcurrentHashMap<>();

    private volatile int historyPageCap;
    private volatile int repliesPageCap;
    private volatile int listPageCap;
    private volatile int usersPageCap;
    private volatile int membersPageCap;
    private volatile String validCode;
    private volatile String token;
    /** Set by {@code auth.revoke} on a test's workspace: the token is refused from then on, as Slack does. */
    private volatile boolean tokenRevoked;

    private FakeSlackApi(FakeSlackWorkspace workspace, Clock clock, boolean scripted) {
        super(clock);
        this.workspace = workspace;
        this.scripted = scripted;
        if (scripted) {
            otherTokens.put(
                    TOKEN_WITHOUT_GROUPS, "channels:history,channels:read,users:read,users:read.email,usergroups:read");
            otherTokens.put(
                    TOKEN_WITHOUT_GROUPS_HISTORY,
                    "channels:history,channels:read,groups:read,users:read,users:read.email,usergroups:read");
        }
        defaults();
    }

    /** The demo's synthetic team; sign-in goes through the consent screen and each code works once. */
    public static FakeSlackApi start(SyntheticWorkspace workspace, Clock clock) {
        var api = new FakeSlackApi(FakeSlackWorkspace.of(workspace), clock, false);
        api.listen();
        return api;
    }

    /**
     * An empty workspace (team {@code T1}, operator {@link #OPERATOR}) that a test fills; the code
     * {@code good-code} is always accepted, so a test can finish a sign-in without the consent screen.
     */
    public static FakeSlackApi start() {
        var api = new FakeSlackApi(new FakeSlackWorkspace(), Clock.systemUTC(), true);
        api.retryAfterSeconds(3);
        api.listen();
        return api;
    }

    private void defaults() {
        historyPageCap = 999;
        repliesPageCap = 999;
        listPageCap = 1000;
        usersPageCap = 200;
        membersPageCap = 1000;
        validCode = scripted ? "good-code" : null;
        token = TOKEN;
    }

    // ---- what a test fills and sets ------------------------------------------------------

    public FakeSlackApi user(String id, String displayName, String realName, String email) {
        workspace.addUser(id, displayName.toLowerCase().replace(' ', '.'), realName, displayName, email, false, false);
        return this;
    }

    /** Slack's {@code tz} of a user added before, as users.list answers it. */
    public FakeSlackApi timeZone(String id, String tz) {
        workspace.timeZone(id, tz);
        return this;
    }

    public FakeSlackApi botUser(String id, String name) {
        workspace.addUser(id, name.toLowerCase().replace(' ', '.'), name, name, null, true, false);
        return this;
    }

    public FakeSlackApi deletedUser(String id, String name) {
        workspace.addUser(id, name.toLowerCase().replace(' ', '.'), name, name, null, false, true);
        return this;
    }

    public FakeSlackApi usergroup(String id, String handle, String name, String... userIds) {
        workspace.usergroup(id, handle, name, userIds);
        return this;
    }

    public FakeSlackApi channel(String id, String name, boolean isPrivate, boolean member) {
        workspace.channel(id, name, isPrivate, member);
        return this;
    }

    public Msg post(String channel, String ts) {
        return workspace.post(channel, ts);
    }

    /** Back to an empty workspace with no faults, errors or caps. */
    public void clear() {
        workspace = new FakeSlackWorkspace();
        channelErrors.clear();
        channelMembers.clear();
        methodErrors.clear();
        clearFaults();
        retryAfterSeconds(3);
        latency(java.time.Duration.ZERO);
        defaults();
        tokenRevoked = false;
        resetCounts();
    }

    public boolean tokenRevoked() {
        return tokenRevoked;
    }

    public void restoreToken() {
        tokenRevoked = false;
    }

    /** Every history and replies call for this channel answers {@code ok:false} with this error. */
    public void channelError(String channel, String error) {
        channelErrors.put(channel, error);
    }

    /** Every call of this method answers {@code ok:false} with this error ({@code missing_scope} names the scope). */
    public void methodError(String method, String error) {
        methodErrors.put(method, error);
    }

    public void clearMethodError(String method) {
        methodErrors.remove(method);
    }

    public void historyPageCap(int cap) {
        historyPageCap = cap;
    }

    public void repliesPageCap(int cap) {
        repliesPageCap = cap;
    }

    public void listPageCap(int cap) {
        listPageCap = cap;
    }

    /** Who {@code conversations.members} lists for the channel, in this order. */
    public FakeSlackApi channelMembers(String channel, String... userIds) {
        channelMembers.put(channel, List.of(userIds));
        return this;
    }

    /** At most this many ids per {@code conversations.members} page, whatever {@code limit} asks. */
    public void membersPageCap(int cap) {
        membersPageCap = cap;
    }

    public void usersPageCap(int cap) {
        usersPageCap = cap;
    }

    /** The code {@code oauth.v2.access} accepts from now on, and the token it hands out and then requires. */
    public void validCode(String code, String token) {
        this.validCode = code;
        this.token = token;
    }

    /** Every call then fails with this probability: a third each 429, 5xx and dropped connection. */
    public void faultRate(double rate, long seed) {
        faults(new Faults(rate / 3, rate / 3, 0, java.time.Duration.ZERO, rate / 3, 1, seed));
    }

    @Override
    public void resetCounts() {
        super.resetCounts();
        synchronized (historyRequests) {
            historyRequests.clear();
        }
    }

    /** "channel oldest latest" of every history call, for range assertions. */
    public List<String> historyRequests() {
        synchronized (historyRequests) {
            return List.copyOf(historyRequests);
        }
    }

    /** See {@link FakeSlackWorkspace#minimumCalls}. */
    public int minimumCalls(String windowStart, String rangeStart, String end, int pageSize) {
        return workspace.minimumCalls(windowStart, rangeStart, end, pageSize);
    }

    // ---- the API -------------------------------------------------------------------------

    @Override
    protected String methodOf(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return path.startsWith("/api/") ? path.substring(5) : path;
    }

    @Override
    protected Answer rateLimited(String method, long retryAfterSeconds) {
        return new Answer(
                429,
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
                Map.of("ok", false, "error", "ratelimited"));
    }

    @Override
    protected Answer serverError(String method, int status) {
        return new Answer(status, Map.of(), error("service_unavailable"));
    }

    @Override
    protected Answer answer(HttpExchange exchange, String method, Map<String, String> params) {
        if (method.equals("/oauth/v2/authorize")) {
            return authorize(params);
        }
        if (method.equals("oauth.v2.access")) {
            return Answer.json(exchangeCode(params));
        }
        String scopes = scopes(exchange, params);
        if (scopes == null) {
            return Answer.json(error("invalid_auth"));
        }
        if (tokenRevoked) {
            return Answer.json(error("token_revoked"));
        }
        FakeSlackWorkspace ws = workspace;
        var refused = missingScope(ws, method, params, scopes);
        if (refused != null) {
            return Answer.json(refused);
        }
        String methodError = methodErrors.get(method);
        if (methodError != null) {
            var body = new LinkedHashMap<String, Object>(error(methodError));
            if (methodError.equals("missing_scope")) {
                body.put("needed", method.startsWith("users") ? "users:read" : "channels:history");
                body.put("provided", "identify");
            }
            return Answer.json(body);
        }
        return Answer.json(
                switch (method) {
                    case "auth.test" -> authTest(ws);
                    case "auth.revoke" -> {
                        // a test's token dies with the revoke; the demo's is shared by every operator
                        tokenRevoked = scripted;
                        yield ok(Map.of("revoked", true));
                    }
                    case "users.list" -> page(ws.users(), "members", params, usersPageCap, u -> u);
                    case "users.info" ->
                        ws.user(String.valueOf(params.get("user")))
                                .map(u -> ok(Map.of("user", u)))
                                .orElseGet(() -> error("user_not_found"));
                    case "team.info" -> ok(Map.of("team", team(ws)));
                    case "usergroups.list" -> ok(Map.of("usergroups", List.copyOf(ws.usergroups)));
                    case "usergroups.users.list" -> usergroupUsers(ws, params.get("usergroup"));
                    case "conversations.list" ->
                        page(ws.channelsJson(params.get("types")), "channels", params, listPageCap, c -> c);
                    case "conversations.history" -> history(ws, params);
                    case "conversations.replies" -> replies(ws, params);
                    case "conversations.members" -> members(ws, params);
                    default -> error("unknown_method");
                });
    }

    private Answer authorize(Map<String, String> params) {
        String redirect = params.getOrDefault("redirect_uri", "");
        String state = params.getOrDefault("state", "");
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String code = java.util.HexFormat.of().formatHex(bytes);
        codes.add(code);
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code + "&state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8);
        return new Answer(302, Map.of("Location", location), null);
    }

    private Map<String, Object> exchangeCode(Map<String, String> params) {
        String code = params.get("code");
        boolean issued = code != null && codes.remove(code);
        if (!issued && (code == null || !code.equals(validCode))) {
            return error("invalid_code");
        }
        FakeSlackWorkspace ws = workspace;
        var authed = new LinkedHashMap<String, Object>();
        authed.put("id", ws.operatorId);
        authed.put("scope", ALL_SCOPES);
        authed.put("access_token", token);
        authed.put("token_type", "user");
        var body = new LinkedHashMap<String, Object>();
        body.put("ok", true);
        body.put("app_id", scripted ? "A1" : "A0DEMOAPP1");
        body.put("authed_user", authed);
        body.put("team", Map.of("id", ws.teamId, "name", ws.teamName));
        body.put("enterprise", null);
        body.put("is_enterprise_install", false);
        return body;
    }

    /** The scopes of the token the call carries, or null when Slack would not know it. */
    private String scopes(HttpExchange exchange, Map<String, String> params) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String bearer = header != null && header.startsWith("Bearer ") ? header.substring(7) : params.get("token");
        if (bearer == null) {
            return null;
        }
        return bearer.equals(token) ? ALL_SCOPES : otherTokens.get(bearer);
    }

    /**
     * Slack checks the scopes of every type asked for: a token without {@code groups:read} asking
     * {@code conversations.list} for {@code private_channel} is refused as a whole, HTTP 200 with
     * {@code {"ok":false,"error":"missing_scope","needed":"groups:read","provided":"<its scopes>"}}.
     */
    private static Map<String, Object> missingScope(
            FakeSlackWorkspace ws, String method, Map<String, String> params, String scopes) {
        List<String> granted = List.of(scopes.split(","));
        String needed = null;
        if (method.equals("conversations.list")
                && params.getOrDefault("types", "public_channel").contains("private_channel")
                && !granted.contains("groups:read")) {
            needed = "groups:read";
        } else if ((method.equals("conversations.history") || method.equals("conversations.replies"))
                && ws.channel(String.valueOf(params.get("channel")))
                        .map(FakeSlackWorkspace.Channel::isPrivate)
                        .orElse(false)
                && !granted.contains("groups:history")) {
            needed = "groups:history";
        }
        if (needed == null) {
            return null;
        }
        var body = error("missing_scope");
        body.put("needed", needed);
        body.put("provided", scopes);
        return body;
    }

    private static Map<String, Object> authTest(FakeSlackWorkspace ws) {
        return ok(Map.of(
                "url",
                "https://" + ws.domain + ".slack.com/",
                "team",
                ws.teamName,
                "user",
                ws.operatorHandle,
                "team_id",
                ws.teamId,
                "user_id",
                ws.operatorId));
    }

    private static Map<String, Object> team(FakeSlackWorkspace ws) {
        return Map.of("id", ws.teamId, "name", ws.teamName, "domain", ws.domain);
    }

    private static Map<String, Object> usergroupUsers(FakeSlackWorkspace ws, String id) {
        synchronized (ws) {
            return ws.usergroups.stream()
                    .filter(g -> g.get("id").equals(id))
                    .findFirst()
                    .map(g -> ok(Map.of("users", g.get("users"))))
                    .orElseGet(() -> error("no_such_subteam"));
        }
    }

    private record WindowKey(String channel, String oldest, String latest, String inclusive) {}

    // the index is compared by identity: a change to the channel builds a new one
    private record Window(Index index, WindowKey key, List<Msg> messages) {}

    // the window is filtered once and reused for its next pages; only the page is rendered
    private volatile Window lastWindow;

    private Map<String, Object> history(FakeSlackWorkspace ws, Map<String, String> params) {
        String channel = params.get("channel");
        synchronized (historyRequests) {
            historyRequests.add(channel + " " + params.get("oldest") + " " + params.get("latest"));
        }
        String channelError = channelErrors.get(channel);
        if (channelError != null || ws.channel(channel).isEmpty()) {
            return error(channelError != null ? channelError : "channel_not_found");
        }
        Index index = ws.index(channel);
        var key = new WindowKey(channel, params.get("oldest"), params.get("latest"), params.get("inclusive"));
        Window window = lastWindow;
        if (window == null || window.index() != index || !window.key().equals(key)) {
            List<Msg> inWindow = new ArrayList<>();
            for (Msg m : index.history()) {
                if (inWindow(m.sortKey, params)) {
                    inWindow.add(m);
                }
            }
            window = new Window(index, key, inWindow);
            lastWindow = window;
        }
        var body = page(window.messages(), "messages", params, historyPageCap, m -> ws.render(index, m));
        if (body.get("ok") == Boolean.TRUE) {
            body.put("pin_count", 0);
        }
        return body;
    }

    /** Slack's shape: {@code members} ids, {@code response_metadata.next_cursor} empty on the last page. */
    private Map<String, Object> members(FakeSlackWorkspace ws, Map<String, String> params) {
        String channel = params.get("channel");
        String channelError = channelErrors.get(channel);
        if (channelError != null || ws.channel(channel).isEmpty()) {
            return error(channelError != null ? channelError : "channel_not_found");
        }
        List<String> ids = channelMembers.get(channel);
        if (ids == null) {
            ids = ws.users().stream().map(u -> String.valueOf(u.get("id"))).toList();
        }
        return page(ids, "members", params, membersPageCap, id -> id);
    }

    private Map<String, Object> replies(FakeSlackWorkspace ws, Map<String, String> params) {
        String channel = params.get("channel");
        String channelError = channelErrors.get(channel);
        if (channelError != null || ws.channel(channel).isEmpty()) {
            return error(channelError != null ? channelError : "channel_not_found");
        }
        Index index = ws.index(channel);
        Msg parent = index.byTs().get(params.get("ts"));
        if (parent == null) {
            return error("thread_not_found");
        }
        List<Msg> thread = new ArrayList<>();
        thread.add(parent);
        for (Msg reply : index.replies().getOrDefault(parent.ts, List.of())) {
            if (inWindow(reply.sortKey, params)) {
                thread.add(reply);
            }
        }
        return page(thread, "messages", params, repliesPageCap, m -> ws.render(index, m));
    }

    private static boolean inWindow(BigDecimal ts, Map<String, String> params) {
        boolean inclusive = "true".equals(params.get("inclusive")) || "1".equals(params.get("inclusive"));
        String oldest = params.get("oldest");
        if (oldest != null && !oldest.isBlank()) {
            int c = ts.compareTo(new BigDecimal(oldest));
            if (c < 0 || (c == 0 && !inclusive)) {
                return false;
            }
        }
        String latest = params.get("latest");
        if (latest != null && !latest.isBlank()) {
            int c = ts.compareTo(new BigDecimal(latest));
            return c < 0 || (c == 0 && inclusive);
        }
        return true;
    }

    /**
     * Cursor pagination as Slack does it: an opaque cursor, empty when there is nothing more, and
     * at most {@code cap} items a page whatever the {@code limit} asked.
     */
    private static <T> Map<String, Object> page(
            List<T> items, String key, Map<String, String> params, int cap, java.util.function.Function<T, ?> render) {
        int limit = parseInt(params.get("limit"), 100);
        limit = Math.min(cap, limit <= 0 ? 100 : limit);
        int offset = 0;
        String cursor = params.get("cursor");
        if (cursor != null && !cursor.isBlank()) {
            try {
                offset = Integer.parseInt(new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .substring("offset:".length()));
            } catch (RuntimeException e) {
                return error("invalid_cursor");
            }
        }
        int end = Math.min(items.size(), offset + limit);
        var body = new LinkedHashMap<String, Object>();
        body.put("ok", true);
        body.put(
                key,
                offset >= items.size()
                        ? List.of()
                        : items.subList(offset, end).stream().map(render).toList());
        boolean more = end < items.size();
        if (key.equals("messages")) {
            body.put("has_more", more);
        }
        String next =
                more ? Base64.getEncoder().encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8)) : "";
        body.put("response_metadata", Map.of("next_cursor", next));
        return body;
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Map<String, Object> ok(Map<String, Object> fields) {
        var body = new LinkedHashMap<String, Object>();
        body.put("ok", true);
        body.putAll(fields);
        return body;
    }

    private static Map<String, Object> error(String code) {
        var body = new LinkedHashMap<String, Object>();
        body.put("ok", false);
        body.put("error", code);
        return body;
    }
}
