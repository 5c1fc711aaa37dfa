package dev.worklens.demo;

import com.sun.net.httpserver.HttpExchange;
import dev.worklens.demo.SyntheticWorkspace.Channel;
import dev.worklens.demo.SyntheticWorkspace.Message;
import dev.worklens.demo.SyntheticWorkspace.Person;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Slack's Web API as documented, served from a {@link SyntheticWorkspace}: cursor pagination with
 * {@code response_metadata.next_cursor}, {@code ok:false} errors with HTTP 200, thread replies only
 * through {@code conversations.replies}, {@code oldest}/{@code latest} exclusive unless
 * {@code inclusive}, and OAuth v2 whose consent screen approves at once.
 */
public final class FakeSlackApi extends FakeApiServer {

    public static final String TOKEN = "xoxp-demo-user-token";
    public static final String CLIENT_ID = "demo.client";
    public static final String CLIENT_SECRET = "demo-client-secret";
    private static final String SCOPES =
            "channels:history,channels:read,groups:history,groups:read,users:read,users:read.email,usergroups:read";

    private final SyntheticWorkspace workspace;
    // one fresh code per authorize, usable once: a guessed or replayed code signs nobody in
    private final java.util.Set<String> codes = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    private FakeSlackApi(SyntheticWorkspace workspace, Clock clock) {
        super(clock);
        this.workspace = workspace;
    }

    public static FakeSlackApi start(SyntheticWorkspace workspace, Clock clock) {
        var api = new FakeSlackApi(workspace, clock);
        api.start();
        return api;
    }

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
    protected Answer answer(HttpExchange exchange, String method, Map<String, String> params) {
        if (method.equals("/oauth/v2/authorize")) {
            return authorize(params);
        }
        if (method.equals("oauth.v2.access")) {
            return Answer.json(exchangeCode(params));
        }
        if (!authorised(exchange, params)) {
            return Answer.json(error("invalid_auth"));
        }
        return Answer.json(
                switch (method) {
                    case "auth.test" -> authTest();
                    case "auth.revoke" -> ok(Map.of("revoked", true));
                    case "users.list" -> page(users(), "members", params, 200);
                    case "users.info" -> userInfo(params.get("user"));
                    case "team.info" -> ok(Map.of("team", team()));
                    case "usergroups.list" ->
                        ok(Map.of(
                                "usergroups",
                                List.of(Map.of(
                                        "id",
                                        "S0BACKEND",
                                        "team_id",
                                        SyntheticWorkspace.TEAM_ID,
                                        "handle",
                                        "backend-team",
                                        "name",
                                        "Backend team"))));
                    case "conversations.list" -> page(channels(), "channels", params, 100);
                    case "conversations.history" -> history(params);
                    case "conversations.replies" -> replies(params);
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
        if (code == null || !codes.remove(code)) {
            return error("invalid_code");
        }
        Person manager = workspace.manager();
        var authed = new LinkedHashMap<String, Object>();
        authed.put("id", manager.userId());
        authed.put("scope", SCOPES);
        authed.put("access_token", TOKEN);
        authed.put("token_type", "user");
        var body = new LinkedHashMap<String, Object>();
        body.put("ok", true);
        body.put("app_id", "A0DEMOAPP1");
        body.put("authed_user", authed);
        body.put("team", Map.of("id", SyntheticWorkspace.TEAM_ID, "name", SyntheticWorkspace.TEAM_NAME));
        body.put("enterprise", null);
        body.put("is_enterprise_install", false);
        return body;
    }

    private static boolean authorised(HttpExchange exchange, Map<String, String> params) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return ("Bearer " + TOKEN).equals(header) || TOKEN.equals(params.get("token"));
    }

    private Map<String, Object> authTest() {
        Person manager = workspace.manager();
        return ok(Map.of(
                "url",
                "https://acme-eng.slack.com/",
                "team",
                SyntheticWorkspace.TEAM_NAME,
                "user",
                manager.handle(),
                "team_id",
                SyntheticWorkspace.TEAM_ID,
                "user_id",
                manager.userId()));
    }

    private Map<String, Object> team() {
        return Map.of("id", SyntheticWorkspace.TEAM_ID, "name", SyntheticWorkspace.TEAM_NAME, "domain", "acme-eng");
    }

    private Map<String, Object> userInfo(String id) {
        return users().stream()
                .filter(u -> u.get("id").equals(id))
                .findFirst()
                .map(u -> ok(Map.of("user", u)))
                .orElseGet(() -> error("user_not_found"));
    }

    private List<Map<String, Object>> users() {
        List<Map<String, Object>> users = new ArrayList<>();
        for (Person p : workspace.people()) {
            var user = user(p.userId(), p.handle(), p.realName(), p.displayName(), p.email(), false, false);
            user.put("tz", SyntheticWorkspace.timeZone(workspace.people(), p));
            users.add(user);
        }
        users.add(user("USLACKBOT", "slackbot", "Slackbot", "Slackbot", null, false, false));
        users.add(user("U0STANDUPB", "standuply", "Standuply", "Standuply", null, true, false));
        users.add(user("U0DEPARTED", "gone", "Former Colleague", "gone", "gone@acme.example", false, true));
        return users;
    }

    private static Map<String, Object> user(
            String id, String name, String real, String display, String email, boolean bot, boolean deleted) {
        var profile = new LinkedHashMap<String, Object>();
        profile.put("real_name", real);
        profile.put("display_name", display);
        if (email != null) {
            profile.put("email", email);
        }
        var user = new LinkedHashMap<String, Object>();
        user.put("id", id);
        user.put("team_id", SyntheticWorkspace.TEAM_ID);
        user.put("name", name);
        user.put("deleted", deleted);
        user.put("real_name", real);
        user.put("is_bot", bot);
        user.put("is_app_user", false);
        user.put("profile", profile);
        return user;
    }

    private List<Map<String, Object>> channels() {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Channel c : workspace.channels()) {
            var channel = new LinkedHashMap<String, Object>();
            channel.put("id", c.id());
            channel.put("name", c.name());
            channel.put("is_channel", !c.isPrivate());
            channel.put("is_group", c.isPrivate());
            channel.put("is_private", c.isPrivate());
            channel.put("is_archived", false);
            channel.put("is_member", true);
            channel.put("num_members", workspace.people().size());
            result.add(channel);
        }
        return result;
    }

    private Map<String, Object> history(Map<String, String> params) {
        Optional<Channel> channel = channel(params.get("channel"));
        if (channel.isEmpty()) {
            return error("channel_not_found");
        }
        // the window is filtered once and reused for its next pages; only the page is rendered
        var key =
                new WindowKey(channel.get().id(), params.get("oldest"), params.get("latest"), params.get("inclusive"));
        Window window = lastWindow;
        if (window == null || !window.key().equals(key)) {
            List<Message> inWindow = new ArrayList<>();
            for (Message m : channel.get().messages()) {
                if (inWindow(m.ts(), params)) {
                    inWindow.add(m);
                }
            }
            window = new Window(key, inWindow);
            lastWindow = window;
        }
        return page(window.messages(), "messages", params, 100, FakeSlackApi::topLevel);
    }

    private record WindowKey(String channel, String oldest, String latest, String inclusive) {}

    private record Window(WindowKey key, List<Message> messages) {}

    private volatile Window lastWindow;

    private final Map<String, Map<String, Message>> byTs = new java.util.concurrent.ConcurrentHashMap<>();

    private Map<String, Object> replies(Map<String, String> params) {
        Optional<Channel> channel = channel(params.get("channel"));
        if (channel.isEmpty()) {
            return error("channel_not_found");
        }
        String ts = params.get("ts");
        Map<String, Message> index = byTs.computeIfAbsent(channel.get().id(), id -> {
            Map<String, Message> map = new java.util.HashMap<>();
            channel.get().messages().forEach(m -> map.put(m.ts(), m));
            return map;
        });
        Optional<Message> parent = Optional.ofNullable(index.get(ts));
        if (parent.isEmpty()) {
            return error("thread_not_found");
        }
        List<Map<String, Object>> thread = new ArrayList<>();
        thread.add(topLevel(parent.get()));
        for (Message reply : parent.get().replies()) {
            if (inWindow(reply.ts(), params)) {
                thread.add(reply(reply, parent.get()));
            }
        }
        return page(thread, "messages", params, 100);
    }

    private Optional<Channel> channel(String id) {
        return workspace.channels().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private static boolean inWindow(String ts, Map<String, String> params) {
        boolean inclusive = "true".equals(params.get("inclusive")) || "1".equals(params.get("inclusive"));
        var value = new BigDecimal(ts);
        String oldest = params.get("oldest");
        if (oldest != null && !oldest.isBlank()) {
            int c = value.compareTo(new BigDecimal(oldest));
            if (c < 0 || (c == 0 && !inclusive)) {
                return false;
            }
        }
        String latest = params.get("latest");
        if (latest != null && !latest.isBlank()) {
            int c = value.compareTo(new BigDecimal(latest));
            return c < 0 || (c == 0 && inclusive);
        }
        return true;
    }

    private static Map<String, Object> topLevel(Message m) {
        var json = base(m);
        if (!m.replies().isEmpty()) {
            json.put("thread_ts", m.ts());
            json.put("reply_count", m.replies().size());
            json.put(
                    "reply_users_count",
                    m.replies().stream().map(Message::userId).distinct().count());
            json.put("latest_reply", m.latestReply());
            json.put(
                    "reply_users",
                    m.replies().stream().map(Message::userId).distinct().toList());
        }
        return json;
    }

    private static Map<String, Object> reply(Message reply, Message parent) {
        var json = base(reply);
        json.put("thread_ts", parent.ts());
        if (parent.userId() != null) {
            json.put("parent_user_id", parent.userId());
        }
        return json;
    }

    private static LinkedHashMap<String, Object> base(Message m) {
        var json = new LinkedHashMap<String, Object>();
        json.put("type", "message");
        if (m.subtype() != null) {
            json.put("subtype", m.subtype());
        }
        if (m.isBot()) {
            json.put("bot_id", SyntheticWorkspace.STANDUP_BOT_ID);
            json.put("username", m.botUsername());
        } else {
            json.put("user", m.userId());
        }
        json.put("text", m.text());
        json.put("ts", m.ts());
        json.put("team", SyntheticWorkspace.TEAM_ID);
        return json;
    }

    /** Cursor pagination as Slack does it: an opaque cursor, empty when there is nothing more. */
    private static Map<String, Object> page(
            List<Map<String, Object>> items, String key, Map<String, String> params, int defaultLimit) {
        return page(items, key, params, defaultLimit, item -> item);
    }

    private static <T> Map<String, Object> page(
            List<T> items,
            String key,
            Map<String, String> params,
            int defaultLimit,
            java.util.function.Function<T, Map<String, Object>> render) {
        int limit = parseInt(params.get("limit"), defaultLimit);
        if (limit <= 0 || limit > 999) {
            limit = defaultLimit;
        }
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
        return Map.of("ok", false, "error", code);
    }
}
