package dev.worklens.slack;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A local Slack Web API serving the documented response shapes from an in-memory workspace:
 * cursor pagination (with pages shorter than asked, as Slack may send), threads whose parents carry
 * {@code reply_count}/{@code latest_reply}, broadcast replies in history and replies, {@code ok:false}
 * errors, and injected faults (429 with Retry-After, 5xx, dropped connections).
 */
public class FakeSlack implements AutoCloseable {

    public static final String TOKEN = "xoxp-fake-user-token";
    /** Who signs in: the owner of the user token. */
    public static final String OPERATOR = "U0OLIVIA";
    /** The scopes Sign in with Slack asks for, as Slack lists a token's grant. */
    public static final String ALL_SCOPES =
            "channels:history,channels:read,groups:history,groups:read,users:read,users:read.email,usergroups:read";
    /** A second user token of the same person whose app was installed without the private-channel scopes. */
    public static final String TOKEN_WITHOUT_GROUPS = "xoxp-fake-token-without-groups";

    /** One message as the fake stores it; history and replies render it. */
    public static final class Msg {
        final String ts;
        String user;
        String botId;
        String username;
        String subtype;
        String text;
        String threadTs;
        String editedTs;
        final List<String[]> files = new ArrayList<>();

        Msg(String ts) {
            this.ts = ts;
        }

        public Msg user(String u) {
            this.user = u;
            return this;
        }

        public Msg bot(String botId, String username) {
            this.botId = botId;
            this.username = username;
            this.subtype = "bot_message";
            return this;
        }

        public Msg subtype(String s) {
            this.subtype = s;
            return this;
        }

        public Msg text(String t) {
            this.text = t;
            return this;
        }

        public Msg inThread(String parentTs) {
            this.threadTs = parentTs;
            return this;
        }

        public Msg broadcast(String parentTs) {
            this.threadTs = parentTs;
            this.subtype = "thread_broadcast";
            return this;
        }

        public Msg edited(String ts) {
            this.editedTs = ts;
            return this;
        }

        /** A file attached as Slack lists it: name and permalink. */
        public Msg file(String name, String permalink) {
            this.files.add(new String[] {name, permalink});
            return this;
        }
    }

    record Channel(String id, String name, boolean isPrivate, boolean member) {}

    public enum Fault {
        RATE_LIMITED,
        SERVER_ERROR,
        DROP
    }

    private final MockWebServer server = new MockWebServer();
    private final Gson gson = new Gson();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, List<Msg>> messages = new ConcurrentHashMap<>();
    private final List<JsonObject> users = new ArrayList<>();
    private final List<JsonObject> usergroups = new ArrayList<>();
    private final Map<String, String> channelErrors = new ConcurrentHashMap<>();
    /** conversations.members per channel; a channel not set here lists only the operator. */
    private final Map<String, List<String>> channelMembers = new ConcurrentHashMap<>();

    private volatile int membersPageCap = 1000;
    private final Map<String, String> methodErrors = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> scripted = new ConcurrentHashMap<>();
    private final List<String> historyRequests = new ArrayList<>();
    private volatile int historyPageCap = 999;
    private volatile int repliesPageCap = 999;
    private volatile int listPageCap = 1000;
    private volatile int usersPageCap = 200;
    private volatile double faultRate;
    private volatile int retryAfterSeconds = 3;
    private volatile long latencyMillis;
    private Random random = new Random(7);
    private volatile String validCode = "good-code";
    private volatile String userToken = TOKEN;
    /** Set by {@code auth.revoke}: the token is refused from then on, as Slack does. */
    private volatile boolean tokenRevoked;
    /** Other accepted tokens of the operator and their scopes; the main token has {@link #ALL_SCOPES}. */
    private final Map<String, String> otherTokens = new ConcurrentHashMap<>(
            Map.of(TOKEN_WITHOUT_GROUPS, "channels:history,channels:read,users:read,users:read.email,usergroups:read"));

    private volatile String teamId = "T1";

    public FakeSlack() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
        server.setServerSocketFactory(new NoDelayServerSockets());
        try {
            server.start(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    // ---- the workspace -------------------------------------------------------------------

    public FakeSlack user(String id, String displayName, String realName, String email) {
        var u = new JsonObject();
        u.addProperty("id", id);
        u.addProperty("team_id", teamId);
        u.addProperty("name", displayName.toLowerCase().replace(' ', '.'));
        u.addProperty("deleted", false);
        u.addProperty("real_name", realName);
        u.addProperty("is_bot", false);
        u.addProperty("is_app_user", false);
        var profile = new JsonObject();
        profile.addProperty("display_name", displayName);
        profile.addProperty("real_name", realName);
        if (email != null) profile.addProperty("email", email);
        u.add("profile", profile);
        users.add(u);
        return this;
    }

    /** Slack's {@code tz} of a user added before, as users.list answers it. */
    public FakeSlack timeZone(String id, String tz) {
        for (var u : users) {
            if (id.equals(u.getAsJsonObject().get("id").getAsString())) {
                u.getAsJsonObject().addProperty("tz", tz);
            }
        }
        return this;
    }

    public FakeSlack botUser(String id, String name) {
        user(id, name, name, null);
        users.get(users.size() - 1).addProperty("is_bot", true);
        return this;
    }

    public FakeSlack deletedUser(String id, String name) {
        user(id, name, name, null);
        users.get(users.size() - 1).addProperty("deleted", true);
        return this;
    }

    public FakeSlack usergroup(String id, String handle, String name, String... userIds) {
        var g = new JsonObject();
        var users = new com.google.gson.JsonArray();
        for (String u : userIds) {
            users.add(u);
        }
        g.add("users", users);
        g.addProperty("id", id);
        g.addProperty("team_id", teamId);
        g.addProperty("handle", handle);
        g.addProperty("name", name);
        usergroups.add(g);
        return this;
    }

    public FakeSlack channel(String id, String name, boolean isPrivate, boolean member) {
        channels.put(id, new Channel(id, name, isPrivate, member));
        messages.putIfAbsent(id, new ArrayList<>());
        return this;
    }

    /** Who {@code conversations.members} lists for the channel, in this order. */
    public FakeSlack channelMembers(String channel, String... userIds) {
        channelMembers.put(channel, new ArrayList<>(List.of(userIds)));
        return this;
    }

    /** At most this many ids per {@code conversations.members} page, whatever {@code limit} asks. */
    public void membersPageCap(int cap) {
        membersPageCap = cap;
    }

    public Msg post(String channel, String ts) {
        var m = new Msg(ts);
        synchronized (this) {
            messages.computeIfAbsent(channel, c -> new ArrayList<>()).add(m);
        }
        return m;
    }

    /** Back to an empty workspace with no faults. */
    public synchronized void clear() {
        channels.clear();
        messages.clear();
        channelMembers.clear();
        membersPageCap = 1000;
        users.clear();
        usergroups.clear();
        channelErrors.clear();
        methodErrors.clear();
        scripted.clear();
        faultRate = 0;
        historyPageCap = 999;
        repliesPageCap = 999;
        listPageCap = 1000;
        usersPageCap = 200;
        retryAfterSeconds = 3;
        latencyMillis = 0;
        validCode = "good-code";
        userToken = TOKEN;
        resetCounts();
    }

    public boolean tokenRevoked() {
        return tokenRevoked;
    }

    public void restoreToken() {
        tokenRevoked = false;
    }

    public void channelError(String channel, String error) {
        channelErrors.put(channel, error);
    }

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

    public void usersPageCap(int cap) {
        usersPageCap = cap;
    }

    public void retryAfterSeconds(int s) {
        retryAfterSeconds = s;
    }

    public void latency(long millis) {
        latencyMillis = millis;
    }

    public void validCode(String code, String token) {
        validCode = code;
        userToken = token;
    }

    /** Every call then fails with this probability: a third each 429, 5xx and dropped connection. */
    public void faultRate(double rate, long seed) {
        faultRate = rate;
        random = new Random(seed);
    }

    /** The next calls of {@code method} fail in this order. */
    public void script(String method, Fault... faults) {
        scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(faults));
    }

    public int calls(String method) {
        var c = calls.get(method);
        return c == null ? 0 : c.get();
    }

    public int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public void resetCounts() {
        calls.clear();
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

    /**
     * The fewest calls any correct one-pass sync needs: per member channel the history pages of the
     * window at the given page size (one even when empty), the replies pages of every thread with
     * a reply in [rangeStart, end), and the list pages (channels, users, usergroups).
     */
    public synchronized int minimumCalls(String windowStart, String rangeStart, String end, int pageSize) {
        int calls = Math.max(1, ceil(channels.size(), 1000)) + Math.max(1, ceil(users.size(), 200)) + 1;
        for (Channel c : channels.values()) {
            if (!c.member() && !c.isPrivate()) continue;
            List<Msg> all = messages.get(c.id());
            long visible = all.stream()
                    .filter(m -> m.threadTs == null || m.threadTs.equals(m.ts) || "thread_broadcast".equals(m.subtype))
                    .filter(m -> m.ts.compareTo(windowStart) > 0 && m.ts.compareTo(end) < 0)
                    .count();
            calls += Math.max(1, ceil((int) visible, pageSize));
            Map<String, Integer> replies = new HashMap<>();
            Map<String, Boolean> inRange = new HashMap<>();
            for (Msg m : all) {
                if (m.threadTs != null && !m.threadTs.equals(m.ts)) {
                    replies.merge(m.threadTs, 1, Integer::sum);
                    if (m.ts.compareTo(rangeStart) >= 0 && m.ts.compareTo(end) < 0) inRange.put(m.threadTs, true);
                }
            }
            for (var e : replies.entrySet()) {
                if (inRange.containsKey(e.getKey()) && e.getKey().compareTo(windowStart) > 0) {
                    calls += ceil(e.getValue() + 1, pageSize);
                }
            }
        }
        return calls;
    }

    private static int ceil(int n, int size) {
        return (n + size - 1) / size;
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- the API -------------------------------------------------------------------------

    private MockResponse handle(RecordedRequest request) {
        if (latencyMillis > 0) {
            // Slack's answer time; slept here rather than as a headers delay, which splits the
            // answer into packets that loopback's delayed ACKs hold back ~40 ms more
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String path = request.getUrl().encodedPath();
        String method = path.substring(path.lastIndexOf('/') + 1);
        Map<String, String> form = form(request);
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        if (method.equals("authorize")) {
            return json(404, "{}");
        }
        Fault fault = nextFault(method);
        if (fault != null) {
            return switch (fault) {
                case RATE_LIMITED ->
                    new MockResponse.Builder()
                            .code(429)
                            .addHeader("Retry-After", String.valueOf(retryAfterSeconds))
                            .body("")
                            .build();
                case SERVER_ERROR -> json(503, "{\"ok\":false,\"error\":\"service_unavailable\"}");
                case DROP ->
                    new MockResponse.Builder()
                            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                            .build();
            };
        }
        if (method.equals("oauth.v2.access")) {
            return oauth(form);
        }
        String auth = request.getHeaders().get("Authorization");
        String bearer = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
        String scopes = bearer.equals(userToken) ? ALL_SCOPES : otherTokens.get(bearer);
        if (scopes == null) {
            return ok(false, "invalid_auth");
        }
        if (tokenRevoked) {
            return ok(false, "token_revoked");
        }
        var refused = missingScope(method, form, scopes);
        if (refused != null) {
            return refused;
        }
        String error = methodErrors.get(method);
        if (error != null) {
            var o = base(false, error);
            if (error.equals("missing_scope")) {
                o.addProperty("needed", method.startsWith("users") ? "users:read" : "channels:history");
                o.addProperty("provided", "identify");
            }
            return json(200, o.toString());
        }
        synchronized (this) {
            return switch (method) {
                case "auth.test" -> authTest();
                case "auth.revoke" -> {
                    tokenRevoked = true;
                    var o = base(true, null);
                    o.addProperty("revoked", true);
                    yield json(200, o.toString());
                }
                case "users.info" -> usersInfo(form.get("user"));
                case "users.list" -> page("members", users, form, usersPageCap);
                case "usergroups.list" -> {
                    var o = base(true, null);
                    o.add("usergroups", gson.toJsonTree(usergroups));
                    yield json(200, o.toString());
                }
                case "usergroups.users.list" -> {
                    var group = usergroups.stream()
                            .filter(g -> g.get("id").getAsString().equals(form.get("usergroup")))
                            .findFirst();
                    if (group.isEmpty()) {
                        yield ok(false, "no_such_subteam");
                    }
                    var o = base(true, null);
                    o.add("users", group.get().get("users"));
                    yield json(200, o.toString());
                }
                case "conversations.list" -> page("channels", channelJson(form.get("types")), form, listPageCap);
                case "conversations.history" -> history(form);
                case "conversations.replies" -> replies(form);
                case "conversations.members" -> members(form);
                default -> ok(false, "unknown_method");
            };
        }
    }

    /**
     * Slack checks the scopes of every type asked for: a token without {@code groups:read} asking
     * {@code conversations.list} for {@code private_channel} is refused as a whole, HTTP 200 with
     * {@code {"ok":false,"error":"missing_scope","needed":"groups:read","provided":"<its scopes>"}}.
     */
    private MockResponse missingScope(String method, Map<String, String> form, String scopes) {
        List<String> granted = List.of(scopes.split(","));
        String needed = null;
        if (method.equals("conversations.list")
                && form.getOrDefault("types", "public_channel").contains("private_channel")
                && !granted.contains("groups:read")) {
            needed = "groups:read";
        } else if ((method.equals("conversations.history") || method.equals("conversations.replies"))
                && channels.containsKey(form.get("channel"))
                && channels.get(form.get("channel")).isPrivate()
                && !granted.contains("groups:history")) {
            needed = "groups:history";
        }
        if (needed == null) {
            return null;
        }
        var o = base(false, "missing_scope");
        o.addProperty("needed", needed);
        o.addProperty("provided", scopes);
        return json(200, o.toString());
    }

    private Fault nextFault(String method) {
        var queue = scripted.get(method);
        if (queue != null) {
            Fault f = queue.poll();
            if (f != null) return f;
        }
        if (faultRate > 0) {
            synchronized (random) {
                if (random.nextDouble() < faultRate) {
                    return Fault.values()[random.nextInt(3)];
                }
            }
        }
        return null;
    }

    private MockResponse oauth(Map<String, String> form) {
        if (!validCode.equals(form.get("code"))) {
            return ok(false, "invalid_code");
        }
        var o = base(true, null);
        o.addProperty("app_id", "A1");
        var authed = new JsonObject();
        authed.addProperty("id", OPERATOR);
        authed.addProperty("scope", ALL_SCOPES);
        authed.addProperty("access_token", userToken);
        authed.addProperty("token_type", "user");
        o.add("authed_user", authed);
        var team = new JsonObject();
        team.addProperty("id", teamId);
        team.addProperty("name", "Acme");
        o.add("team", team);
        o.addProperty("is_enterprise_install", false);
        return json(200, o.toString());
    }

    private MockResponse authTest() {
        var o = base(true, null);
        o.addProperty("url", "https://acme.slack.com/");
        o.addProperty("team", "Acme");
        o.addProperty("user", "olivia");
        o.addProperty("team_id", teamId);
        o.addProperty("user_id", OPERATOR);
        return json(200, o.toString());
    }

    private MockResponse usersInfo(String id) {
        for (JsonObject u : users) {
            if (u.get("id").getAsString().equals(id)) {
                var o = base(true, null);
                o.add("user", u);
                return json(200, o.toString());
            }
        }
        return ok(false, "user_not_found");
    }

    /** The channels of the asked types ({@code public_channel} when none, as Slack defaults). */
    private List<JsonObject> channelJson(String types) {
        List<String> asked = List.of((types == null || types.isBlank() ? "public_channel" : types).split(","));
        List<JsonObject> out = new ArrayList<>();
        for (Channel c : channels.values()) {
            if (!asked.contains(c.isPrivate() ? "private_channel" : "public_channel")) continue;
            var o = new JsonObject();
            o.addProperty("id", c.id());
            o.addProperty("name", c.name());
            o.addProperty("is_channel", !c.isPrivate());
            o.addProperty("is_group", c.isPrivate());
            o.addProperty("is_private", c.isPrivate());
            o.addProperty("is_archived", false);
            o.addProperty("is_member", c.member());
            out.add(o);
        }
        return out;
    }

    private MockResponse page(String field, List<JsonObject> all, Map<String, String> form, int cap) {
        int offset = offset(form.get("cursor"));
        int limit = Math.min(cap, parseInt(form.get("limit"), 100));
        int end = Math.min(all.size(), offset + limit);
        var o = base(true, null);
        o.add(field, gson.toJsonTree(all.subList(offset, end)));
        metadata(o, end < all.size() ? cursor(end) : "");
        return json(200, o.toString());
    }

    /** Slack's shape: {@code members} ids, {@code response_metadata.next_cursor} empty on the last page. */
    private MockResponse members(Map<String, String> form) {
        String channel = form.get("channel");
        String err = channelErrors.get(channel);
        if (err != null || !channels.containsKey(channel)) {
            return ok(false, err != null ? err : "channel_not_found");
        }
        List<String> all = channelMembers.getOrDefault(channel, List.of(OPERATOR));
        int offset = offset(form.get("cursor"));
        int limit = Math.min(membersPageCap, parseInt(form.get("limit"), 100));
        int end = Math.min(all.size(), offset + limit);
        var o = base(true, null);
        o.add("members", gson.toJsonTree(all.subList(offset, end)));
        metadata(o, end < all.size() ? cursor(end) : "");
        return json(200, o.toString());
    }

    private MockResponse history(Map<String, String> form) {
        String channel = form.get("channel");
        synchronized (historyRequests) {
            historyRequests.add(channel + " " + form.get("oldest") + " " + form.get("latest"));
        }
        String err = channelErrors.get(channel);
        if (err != null || !channels.containsKey(channel)) {
            return ok(false, err != null ? err : "channel_not_found");
        }
        String oldest = form.getOrDefault("oldest", "0");
        String latest = form.getOrDefault("latest", "9999999999.999999");
        List<Msg> visible = messages.get(channel).stream()
                .filter(m -> m.threadTs == null || m.threadTs.equals(m.ts) || "thread_broadcast".equals(m.subtype))
                .filter(m -> m.ts.compareTo(oldest) > 0 && m.ts.compareTo(latest) < 0)
                .sorted(Comparator.comparing((Msg m) -> m.ts).reversed())
                .toList();
        return messagePage(channel, visible, form, historyPageCap, true);
    }

    private MockResponse replies(Map<String, String> form) {
        String channel = form.get("channel");
        String ts = form.get("ts");
        String err = channelErrors.get(channel);
        if (err != null) {
            return ok(false, err);
        }
        Msg parent = messages.get(channel).stream()
                .filter(m -> m.ts.equals(ts))
                .findFirst()
                .orElse(null);
        if (parent == null) {
            return ok(false, "thread_not_found");
        }
        String oldest = form.getOrDefault("oldest", "0");
        List<Msg> thread = new ArrayList<>();
        thread.add(parent);
        messages.get(channel).stream()
                .filter(m -> ts.equals(m.threadTs) && !m.ts.equals(ts) && m.ts.compareTo(oldest) > 0)
                .sorted(Comparator.comparing((Msg m) -> m.ts))
                .forEach(thread::add);
        return messagePage(channel, thread, form, repliesPageCap, false);
    }

    private MockResponse messagePage(
            String channel, List<Msg> list, Map<String, String> form, int cap, boolean history) {
        int offset = offset(form.get("cursor"));
        int limit = Math.min(cap, parseInt(form.get("limit"), 100));
        int end = Math.min(list.size(), offset + limit);
        var o = base(true, null);
        var array = new JsonArray();
        for (Msg m : list.subList(offset, end)) {
            array.add(render(channel, m));
        }
        o.add("messages", array);
        o.addProperty("has_more", end < list.size());
        if (history) o.addProperty("pin_count", 0);
        metadata(o, end < list.size() ? cursor(end) : "");
        return json(200, o.toString());
    }

    private JsonObject render(String channel, Msg m) {
        var o = new JsonObject();
        o.addProperty("type", "message");
        if (m.subtype != null) o.addProperty("subtype", m.subtype);
        if (m.user != null) o.addProperty("user", m.user);
        if (m.botId != null) o.addProperty("bot_id", m.botId);
        if (m.username != null) o.addProperty("username", m.username);
        o.addProperty("text", m.text == null ? "" : m.text);
        o.addProperty("ts", m.ts);
        if (!m.files.isEmpty()) {
            var files = new JsonArray();
            for (String[] f : m.files) {
                var file = new JsonObject();
                file.addProperty("name", f[0]);
                file.addProperty("permalink", f[1]);
                files.add(file);
            }
            o.add("files", files);
        }
        if (m.editedTs != null) {
            var e = new JsonObject();
            e.addProperty("user", m.user);
            e.addProperty("ts", m.editedTs);
            o.add("edited", e);
        }
        List<Msg> replies = messages.get(channel).stream()
                .filter(r -> m.ts.equals(r.threadTs) && !r.ts.equals(m.ts))
                .toList();
        if (!replies.isEmpty()) {
            o.addProperty("thread_ts", m.ts);
            o.addProperty("reply_count", replies.size());
            o.addProperty(
                    "latest_reply",
                    replies.stream().map(r -> r.ts).max(String::compareTo).orElseThrow());
            var who = new JsonArray();
            replies.stream().map(r -> r.user).filter(u -> u != null).distinct().forEach(who::add);
            o.add("reply_users", who);
            o.addProperty("reply_users_count", who.size());
        } else if (m.threadTs != null) {
            o.addProperty("thread_ts", m.threadTs);
            if ("thread_broadcast".equals(m.subtype)) {
                var root = new JsonObject();
                root.addProperty("ts", m.threadTs);
                o.add("root", root);
            } else {
                o.addProperty("parent_user_id", "U?");
            }
        }
        return o;
    }

    // ---- plumbing ------------------------------------------------------------------------

    /**
     * Answers go out without Nagle's delay: MockWebServer writes headers and body apart, and on
     * loopback the second write would wait for a delayed ACK (~40 ms a call).
     */
    static final class NoDelayServerSockets extends javax.net.ServerSocketFactory {
        @Override
        public java.net.ServerSocket createServerSocket() throws IOException {
            return new java.net.ServerSocket() {
                @Override
                public java.net.Socket accept() throws IOException {
                    java.net.Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port) throws IOException {
            var socket = createServerSocket();
            socket.bind(new java.net.InetSocketAddress(port));
            return socket;
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
            var socket = createServerSocket();
            socket.bind(new java.net.InetSocketAddress(port), backlog);
            return socket;
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address)
                throws IOException {
            var socket = createServerSocket();
            socket.bind(new java.net.InetSocketAddress(address, port), backlog);
            return socket;
        }
    }

    private MockResponse ok(boolean ok, String error) {
        return json(200, base(ok, error).toString());
    }

    private static JsonObject base(boolean ok, String error) {
        var o = new JsonObject();
        o.addProperty("ok", ok);
        if (error != null) o.addProperty("error", error);
        return o;
    }

    private static void metadata(JsonObject o, String next) {
        var meta = new JsonObject();
        meta.addProperty("next_cursor", next);
        o.add("response_metadata", meta);
    }

    private MockResponse json(int code, String body) {
        var b = new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json; charset=utf-8")
                .body(body);
        return b.build();
    }

    private static String cursor(int offset) {
        return java.util.Base64.getEncoder().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String cursor) {
        if (cursor == null || cursor.isEmpty()) return 0;
        String decoded = new String(java.util.Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
        return Integer.parseInt(decoded.substring("offset:".length()));
    }

    private static int parseInt(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Map<String, String> form(RecordedRequest request) {
        Map<String, String> out = new HashMap<>();
        var body = request.getBody();
        String text = body == null ? "" : body.utf8();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        var url = request.getUrl();
        for (String name : url.queryParameterNames()) {
            out.putIfAbsent(name, url.queryParameter(name));
        }
        return out;
    }
}
