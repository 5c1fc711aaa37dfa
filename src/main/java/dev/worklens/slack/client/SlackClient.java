package dev.worklens.slack.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.model.User;
import dev.worklens.slack.client.SlackRecords.ChannelPage;
import dev.worklens.slack.client.SlackRecords.MessagePage;
import dev.worklens.slack.client.SlackRecords.OAuthGrant;
import dev.worklens.slack.client.SlackRecords.PeoplePage;
import dev.worklens.slack.client.SlackRecords.SlackChannel;
import dev.worklens.slack.client.SlackRecords.SlackMessage;
import dev.worklens.slack.client.SlackRecords.SlackPerson;
import dev.worklens.slack.client.SlackRecords.SlackUsergroup;
import dev.worklens.slack.client.SlackRecords.TokenOwner;
import dev.worklens.slack.client.SlackRecords.UsergroupPage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.Response;

/**
 * Slack's Web API through the official SDK, pointed at {@code SLACK_BASE_URL/api/}. Method names are
 * nouns of what they return. Every call goes through {@link SlackCalls}: the shared limiter, 429
 * waits and retries. History and replies are read as the JSON Slack sent, so the raw payload is
 * stored as received.
 */
public class SlackClient {

    public static final int HISTORY_PAGE = 999;
    public static final int REPLIES_PAGE = 999;
    public static final int CHANNELS_PAGE = 1000;
    public static final int USERS_PAGE = 200;
    public static final int MEMBERS_PAGE = 1000;

    private final Slack slack;
    private final SlackCalls calls;

    public SlackClient(Slack slack, SlackCalls calls) {
        this.slack = slack;
        this.calls = calls;
    }

    private MethodsClient methods(SlackSession session) {
        return slack.methods(session.token(), session.teamId());
    }

    public MessagePage history(SlackSession session, String channel, String oldest, String latest, String cursor) {
        var form = new FormBody.Builder()
                .add("channel", channel)
                .add("limit", String.valueOf(HISTORY_PAGE))
                .add("oldest", oldest)
                .add("latest", latest)
                .add("inclusive", "false");
        if (cursor != null) {
            form.add("cursor", cursor);
        }
        return messagePage(rawCall(session, "conversations.history", form));
    }

    public MessagePage replies(SlackSession session, String channel, String threadTs, String oldest, String cursor) {
        var form = new FormBody.Builder()
                .add("channel", channel)
                .add("ts", threadTs)
                .add("limit", String.valueOf(REPLIES_PAGE));
        if (oldest != null) {
            form.add("oldest", oldest);
        }
        if (cursor != null) {
            form.add("cursor", cursor);
        }
        return messagePage(rawCall(session, "conversations.replies", form));
    }

    public ChannelPage channels(SlackSession session, String cursor) {
        return channels(session, cursor, true);
    }

    /**
     * One page of {@code conversations.list}; with {@code withPrivate} it asks for private channels
     * too, which Slack refuses as a whole ({@code missing_scope}, needed {@code groups:read}) for a
     * token without that scope.
     */
    public ChannelPage channels(SlackSession session, String cursor, boolean withPrivate) {
        List<ConversationType> types = withPrivate
                ? List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL)
                : List.of(ConversationType.PUBLIC_CHANNEL);
        var response = calls.call(
                session,
                "conversations.list",
                () -> methods(session)
                        .conversationsList(r -> r.types(types)
                                .excludeArchived(true)
                                .limit(CHANNELS_PAGE)
                                .cursor(cursor)));
        List<SlackChannel> channels = new ArrayList<>();
        for (Conversation c : nonNull(response.getChannels())) {
            channels.add(new SlackChannel(c.getId(), c.getName(), c.isPrivate(), c.isArchived(), c.isMember()));
        }
        return new ChannelPage(channels, next(response.getResponseMetadata()));
    }

    /**
     * One page of a channel's member ids ({@code conversations.members}); the last page has no
     * cursor. Slack may answer a short page before the end, so only the cursor says when to stop.
     */
    public SlackRecords.MemberPage channelMembers(SlackSession session, String channel, String cursor) {
        var response = calls.call(
                session,
                "conversations.members",
                () -> methods(session)
                        .conversationsMembers(
                                r -> r.channel(channel).limit(MEMBERS_PAGE).cursor(cursor)));
        return new SlackRecords.MemberPage(
                List.copyOf(nonNull(response.getMembers())), next(response.getResponseMetadata()));
    }

    public PeoplePage people(SlackSession session, String cursor) {
        var response = calls.call(
                session,
                "users.list",
                () -> methods(session).usersList(r -> r.limit(USERS_PAGE).cursor(cursor)));
        List<SlackPerson> people = new ArrayList<>();
        for (User u : nonNull(response.getMembers())) {
            people.add(person(u));
        }
        return new PeoplePage(people, next(response.getResponseMetadata()));
    }

    public SlackPerson person(SlackSession session, String userId) {
        var response = calls.call(session, "users.info", () -> methods(session).usersInfo(r -> r.user(userId)));
        return person(response.getUser());
    }

    public UsergroupPage usergroups(SlackSession session) {
        var response = calls.call(
                session, "usergroups.list", () -> methods(session).usergroupsList(r -> r.includeDisabled(true)));
        List<SlackUsergroup> groups = new ArrayList<>();
        for (var g : nonNull(response.getUsergroups())) {
            groups.add(new SlackUsergroup(g.getId(), g.getHandle(), g.getName()));
        }
        return new UsergroupPage(groups, null);
    }

    /** The Slack user ids in a user group ({@code usergroups.users.list}). */
    public List<String> usergroupMembers(SlackSession session, String usergroupId) {
        var response = calls.call(
                session,
                "usergroups.users.list",
                () -> methods(session).usergroupsUsersList(r -> r.usergroup(usergroupId)));
        return List.copyOf(nonNull(response.getUsers()));
    }

    public TokenOwner tokenOwner(SlackSession session) {
        var r = calls.call(session, "auth.test", () -> methods(session).authTest(req -> req));
        return new TokenOwner(r.getUserId(), r.getUser(), r.getTeamId(), r.getTeam(), r.getUrl());
    }

    /** {@code auth.revoke}: Slack stops accepting the token; true when Slack says it is revoked. */
    public boolean revoke(SlackSession session) {
        var r = calls.call(session, "auth.revoke", () -> methods(session).authRevoke(req -> req));
        return r.isRevoked();
    }

    /** Exchanges an authorization code once: codes are single-use, so a failure is not retried. */
    public OAuthGrant exchangeCode(String clientId, String clientSecret, String code, String redirectUri) {
        var r = calls.once(
                "oauth.v2.access",
                () -> slack.methods()
                        .oauthV2Access(req -> req.clientId(clientId)
                                .clientSecret(clientSecret)
                                .code(code)
                                .redirectUri(redirectUri)));
        var user = r.getAuthedUser();
        if (user == null || user.getAccessToken() == null) {
            throw new SlackApiError(
                    "no_user_token", null, "Slack granted no user token: the app must request user scopes.");
        }
        var team = r.getTeam();
        return new OAuthGrant(
                user.getId(),
                user.getAccessToken(),
                user.getScope(),
                team == null ? null : team.getId(),
                team == null ? null : team.getName());
    }

    private JsonObject rawCall(SlackSession session, String method, FormBody.Builder form) {
        return calls.call(session, method, () -> {
                    try (Response response = methods(session).runPostFormWithToken(form, method, session.token())) {
                        String body =
                                response.body() == null ? "" : response.body().string();
                        if (response.code() != 200) {
                            throw new SlackApiException(response, body);
                        }
                        return new RawAnswer(parse(method, body));
                    }
                })
                .json();
    }

    private static JsonObject parse(String method, String body) throws IOException {
        JsonElement json;
        try {
            json = JsonParser.parseString(body);
        } catch (com.google.gson.JsonParseException e) {
            json = null;
        }
        if (json == null || !json.isJsonObject()) {
            // a cut-off answer is as good as a dropped connection: SlackCalls retries it
            throw new IOException("Slack sent an unreadable answer to " + method);
        }
        return json.getAsJsonObject();
    }

    private static MessagePage messagePage(JsonObject json) {
        List<SlackMessage> messages = new ArrayList<>();
        if (json.has("messages")) {
            for (JsonElement e : json.getAsJsonArray("messages")) {
                messages.add(message(e.getAsJsonObject()));
            }
        }
        String next = null;
        if (json.has("response_metadata") && json.get("response_metadata").isJsonObject()) {
            next = text(json.getAsJsonObject("response_metadata"), "next_cursor");
        }
        return new MessagePage(messages, next == null || next.isEmpty() ? null : next);
    }

    static SlackMessage message(JsonObject m) {
        return message(m, null);
    }

    /** @param raw the payload as stored, or null to write it out from {@code m} */
    private static SlackMessage message(JsonObject m, String raw) {
        String edited =
                m.has("edited") && m.get("edited").isJsonObject() ? text(m.getAsJsonObject("edited"), "ts") : null;
        int replies = m.has("reply_count") && !m.get("reply_count").isJsonNull()
                ? m.get("reply_count").getAsInt()
                : 0;
        return new SlackMessage(
                text(m, "ts"),
                text(m, "thread_ts"),
                text(m, "user"),
                text(m, "bot_id"),
                text(m, "username"),
                text(m, "subtype"),
                text(m, "text"),
                replies,
                text(m, "latest_reply"),
                edited,
                raw != null ? raw : m.toString(),
                files(m));
    }

    /**
     * A message as stored: re-extraction reads the payload Slack sent, never the columns an older
     * extraction derived from it. Null when the payload is not a JSON object.
     */
    public static SlackMessage fromRaw(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return StoredPayload.message(raw);
    }

    private static List<SlackRecords.SlackFile> files(JsonObject m) {
        if (!m.has("files") || !m.get("files").isJsonArray()) {
            return List.of();
        }
        List<SlackRecords.SlackFile> files = new ArrayList<>();
        for (JsonElement e : m.getAsJsonArray("files")) {
            if (!e.isJsonObject()) {
                continue;
            }
            JsonObject f = e.getAsJsonObject();
            String name = text(f, "name") != null ? text(f, "name") : text(f, "title");
            String link = text(f, "permalink");
            if (link != null) {
                files.add(new SlackRecords.SlackFile(name == null ? "file" : name, link));
            }
        }
        return files;
    }

    private static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    private static SlackPerson person(User u) {
        var profile = u.getProfile();
        String display = profile == null ? null : blankToNull(profile.getDisplayName());
        String real = u.getRealName() != null ? u.getRealName() : profile == null ? null : profile.getRealName();
        String email = profile == null ? null : profile.getEmail();
        return new SlackPerson(
                u.getId(),
                display,
                blankToNull(real),
                blankToNull(email),
                u.isBot() || u.isAppUser(),
                u.isDeleted(),
                blankToNull(u.getTz()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String next(com.slack.api.model.ResponseMetadata metadata) {
        String cursor = metadata == null ? null : metadata.getNextCursor();
        return cursor == null || cursor.isEmpty() ? null : cursor;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A raw answer adapted to the SDK's response shape, so both paths share one error handling. */
    record RawAnswer(JsonObject json) implements SlackApiTextResponse {
        @Override
        public boolean isOk() {
            return json.has("ok") && json.get("ok").getAsBoolean();
        }

        @Override
        public void setOk(boolean ok) {}

        @Override
        public String getWarning() {
            return text(json, "warning");
        }

        @Override
        public void setWarning(String w) {}

        @Override
        public String getError() {
            return text(json, "error");
        }

        @Override
        public void setError(String e) {}

        @Override
        public String getNeeded() {
            return text(json, "needed");
        }

        @Override
        public void setNeeded(String n) {}

        @Override
        public String getProvided() {
            return text(json, "provided");
        }

        @Override
        public void setProvided(String p) {}

        @Override
        public java.util.Map<String, List<String>> getHttpResponseHeaders() {
            return java.util.Map.of();
        }

        @Override
        public void setHttpResponseHeaders(java.util.Map<String, List<String>> headers) {}
    }
}
