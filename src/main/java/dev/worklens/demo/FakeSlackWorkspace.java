package dev.worklens.demo;

import dev.worklens.demo.SyntheticWorkspace.Message;
import dev.worklens.demo.SyntheticWorkspace.Person;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the stand-in Slack serves: users, user groups, channels and their messages, kept flat as
 * Slack stores them (a reply is a message with a {@code thread_ts}). Filled either from a
 * {@link SyntheticWorkspace} (the demo, the benchmarks, the end-to-end tests) or message by message
 * by a test. Per channel an index (top-level messages newest first, replies by parent) is built on
 * the first read after a change, so channels of hundreds of thousands of messages page cheaply.
 */
public final class FakeSlackWorkspace {

    /** One message as the fake stores it; history and replies render it. */
    public static final class Msg {
        final String ts;
        final BigDecimal sortKey;
        private final FakeSlackWorkspace owner;
        private final String channel;
        String user;
        String botId;
        String username;
        String subtype;
        String text;
        String threadTs;
        String editedTs;
        final List<String[]> files = new ArrayList<>();

        Msg(FakeSlackWorkspace owner, String channel, String ts) {
            this.owner = owner;
            this.channel = channel;
            this.ts = ts;
            this.sortKey = new BigDecimal(ts);
        }

        private Msg changed() {
            owner.changed(channel);
            return this;
        }

        public Msg user(String u) {
            this.user = u;
            return changed();
        }

        public Msg bot(String botId, String username) {
            this.botId = botId;
            this.username = username;
            this.subtype = "bot_message";
            return changed();
        }

        public Msg subtype(String s) {
            this.subtype = s;
            return changed();
        }

        public Msg text(String t) {
            this.text = t;
            return changed();
        }

        public Msg inThread(String parentTs) {
            this.threadTs = parentTs;
            return changed();
        }

        /** A reply also sent to the channel: it shows in history as well as in its thread. */
        public Msg broadcast(String parentTs) {
            this.threadTs = parentTs;
            this.subtype = "thread_broadcast";
            return changed();
        }

        public Msg edited(String ts) {
            this.editedTs = ts;
            return changed();
        }

        /** A file attached as Slack lists it: name and permalink. */
        public Msg file(String name, String permalink) {
            this.files.add(new String[] {name, permalink});
            return changed();
        }

        boolean isReply() {
            return threadTs != null && !threadTs.equals(ts);
        }

        boolean inHistory() {
            return !isReply() || "thread_broadcast".equals(subtype);
        }
    }

    record Channel(String id, String name, boolean isPrivate, boolean member, Integer numMembers) {}

    /** Top-level (and broadcast) messages newest first, and each thread's replies oldest first. */
    record Index(List<Msg> history, Map<String, Msg> byTs, Map<String, List<Msg>> replies) {}

    String teamId = "T1";
    String teamName = "Acme";
    String domain = "acme";
    String operatorId = FakeSlackApi.OPERATOR;
    String operatorHandle = "olivia";
    final List<Map<String, Object>> users = new ArrayList<>();
    final List<Map<String, Object>> usergroups = new ArrayList<>();
    final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, List<Msg>> messages = new HashMap<>();
    private final Map<String, Index> indexes = new HashMap<>();

    /** The demo's synthetic team as Slack would serve it, with Slackbot, a standup bot and a departed user. */
    static FakeSlackWorkspace of(SyntheticWorkspace workspace) {
        var fake = new FakeSlackWorkspace();
        fake.teamId = SyntheticWorkspace.TEAM_ID;
        fake.teamName = SyntheticWorkspace.TEAM_NAME;
        fake.domain = "acme-eng";
        fake.operatorId = workspace.manager().userId();
        fake.operatorHandle = workspace.manager().handle();
        for (Person p : workspace.people()) {
            fake.addUser(p.userId(), p.handle(), p.realName(), p.displayName(), p.email(), false, false)
                    .put("tz", SyntheticWorkspace.timeZone(workspace.people(), p));
        }
        fake.addUser("USLACKBOT", "slackbot", "Slackbot", "Slackbot", null, false, false);
        fake.addUser("U0STANDUPB", "standuply", "Standuply", "Standuply", null, true, false);
        fake.addUser("U0DEPARTED", "gone", "Former Colleague", "gone", "gone@acme.example", false, true);
        fake.usergroup("S0BACKEND", "backend-team", "Backend team");
        int members = workspace.people().size();
        for (SyntheticWorkspace.Channel c : workspace.channels()) {
            fake.channels.put(c.id(), new Channel(c.id(), c.name(), c.isPrivate(), true, members));
            List<Msg> list = new ArrayList<>();
            for (Message m : c.messages()) {
                list.add(fake.copy(c.id(), m, null));
                for (Message reply : m.replies()) {
                    list.add(fake.copy(c.id(), reply, m.ts()));
                }
            }
            fake.messages.put(c.id(), list);
        }
        return fake;
    }

    private Msg copy(String channel, Message m, String parentTs) {
        var msg = new Msg(this, channel, m.ts());
        msg.user = m.userId();
        if (m.isBot()) {
            msg.botId = SyntheticWorkspace.STANDUP_BOT_ID;
            msg.username = m.botUsername();
        }
        msg.subtype = m.subtype();
        msg.text = m.text();
        msg.threadTs = parentTs;
        return msg;
    }

    // ---- filling -------------------------------------------------------------------------

    synchronized Map<String, Object> addUser(
            String id, String name, String real, String display, String email, boolean bot, boolean deleted) {
        var profile = new LinkedHashMap<String, Object>();
        profile.put("real_name", real);
        profile.put("display_name", display);
        if (email != null) {
            profile.put("email", email);
        }
        var user = new LinkedHashMap<String, Object>();
        user.put("id", id);
        user.put("team_id", teamId);
        user.put("name", name);
        user.put("deleted", deleted);
        user.put("real_name", real);
        user.put("is_bot", bot);
        user.put("is_app_user", false);
        user.put("profile", profile);
        users.add(user);
        return user;
    }

    synchronized void timeZone(String id, String tz) {
        users.stream().filter(u -> id.equals(u.get("id"))).forEach(u -> u.put("tz", tz));
    }

    synchronized void usergroup(String id, String handle, String name, String... userIds) {
        var group = new LinkedHashMap<String, Object>();
        group.put("users", List.of(userIds));
        group.put("id", id);
        group.put("team_id", teamId);
        group.put("handle", handle);
        group.put("name", name);
        usergroups.add(group);
    }

    synchronized void channel(String id, String name, boolean isPrivate, boolean member) {
        channels.put(id, new Channel(id, name, isPrivate, member, null));
        messages.putIfAbsent(id, new ArrayList<>());
        indexes.remove(id);
    }

    synchronized Msg post(String channel, String ts) {
        var m = new Msg(this, channel, ts);
        messages.computeIfAbsent(channel, c -> new ArrayList<>()).add(m);
        indexes.remove(channel);
        return m;
    }

    private synchronized void changed(String channel) {
        indexes.remove(channel);
    }

    // ---- reading -------------------------------------------------------------------------

    synchronized Optional<Channel> channel(String id) {
        return Optional.ofNullable(channels.get(id));
    }

    synchronized Optional<Map<String, Object>> user(String id) {
        return users.stream().filter(u -> id.equals(u.get("id"))).findFirst();
    }

    synchronized List<Map<String, Object>> users() {
        return List.copyOf(users);
    }

    /** The channels of the asked types ({@code public_channel} when none, as Slack defaults). */
    synchronized List<Map<String, Object>> channelsJson(String types) {
        List<String> asked = List.of((types == null || types.isBlank() ? "public_channel" : types).split(","));
        List<Map<String, Object>> result = new ArrayList<>();
        for (Channel c : channels.values()) {
            if (!asked.contains(c.isPrivate() ? "private_channel" : "public_channel")) {
                continue;
            }
            var channel = new LinkedHashMap<String, Object>();
            channel.put("id", c.id());
            channel.put("name", c.name());
            channel.put("is_channel", !c.isPrivate());
            channel.put("is_group", c.isPrivate());
            channel.put("is_private", c.isPrivate());
            channel.put("is_archived", false);
            channel.put("is_member", c.member());
            if (c.numMembers() != null) {
                channel.put("num_members", c.numMembers());
            }
            result.add(channel);
        }
        return result;
    }

    synchronized Index index(String channel) {
        return indexes.computeIfAbsent(channel, id -> {
            List<Msg> all = messages.getOrDefault(id, List.of());
            Map<String, Msg> byTs = new HashMap<>();
            Map<String, List<Msg>> replies = new HashMap<>();
            List<Msg> history = new ArrayList<>();
            for (Msg m : all) {
                byTs.putIfAbsent(m.ts, m);
                if (m.inHistory()) {
                    history.add(m);
                }
                if (m.isReply()) {
                    replies.computeIfAbsent(m.threadTs, t -> new ArrayList<>()).add(m);
                }
            }
            Comparator<Msg> oldestFirst = Comparator.comparing(m -> m.sortKey);
            history.sort(oldestFirst.reversed());
            replies.values().forEach(list -> list.sort(oldestFirst));
            return new Index(List.copyOf(history), byTs, replies);
        });
    }

    /** A message as history and replies render it: thread parents carry their reply summary. */
    Map<String, Object> render(Index index, Msg m) {
        var json = new LinkedHashMap<String, Object>();
        json.put("type", "message");
        if (m.subtype != null) {
            json.put("subtype", m.subtype);
        }
        if (m.user != null) {
            json.put("user", m.user);
        }
        if (m.botId != null) {
            json.put("bot_id", m.botId);
        }
        if (m.username != null) {
            json.put("username", m.username);
        }
        json.put("text", m.text == null ? "" : m.text);
        json.put("ts", m.ts);
        json.put("team", teamId);
        if (!m.files.isEmpty()) {
            json.put(
                    "files",
                    m.files.stream()
                            .map(f -> Map.of("name", f[0], "permalink", f[1]))
                            .toList());
        }
        if (m.editedTs != null) {
            var edited = new LinkedHashMap<String, Object>();
            edited.put("user", m.user);
            edited.put("ts", m.editedTs);
            json.put("edited", edited);
        }
        List<Msg> replies = m.isReply() ? List.of() : index.replies().getOrDefault(m.ts, List.of());
        if (!replies.isEmpty()) {
            List<String> who = replies.stream()
                    .map(r -> r.user)
                    .filter(u -> u != null)
                    .distinct()
                    .toList();
            json.put("thread_ts", m.ts);
            json.put("reply_count", replies.size());
            json.put("reply_users_count", who.size());
            json.put("latest_reply", replies.get(replies.size() - 1).ts);
            json.put("reply_users", who);
        } else if (m.threadTs != null) {
            json.put("thread_ts", m.threadTs);
            if ("thread_broadcast".equals(m.subtype)) {
                json.put("root", Map.of("ts", m.threadTs));
            } else {
                Msg parent = index.byTs().get(m.threadTs);
                if (parent != null && parent.user != null) {
                    json.put("parent_user_id", parent.user);
                }
            }
        }
        return json;
    }

    /**
     * The fewest calls any correct one-pass sync needs: per member channel the history pages of the
     * window at the given page size (one even when empty), the replies pages of every thread with
     * a reply in [rangeStart, end), and the list pages (channels, users, usergroups).
     */
    synchronized int minimumCalls(String windowStart, String rangeStart, String end, int pageSize) {
        int calls = Math.max(1, ceil(channels.size(), 1000)) + Math.max(1, ceil(users.size(), 200)) + 1;
        for (Channel c : channels.values()) {
            if (!c.member() && !c.isPrivate()) {
                continue;
            }
            List<Msg> all = messages.get(c.id());
            long visible = all.stream()
                    .filter(Msg::inHistory)
                    .filter(m -> m.ts.compareTo(windowStart) > 0 && m.ts.compareTo(end) < 0)
                    .count();
            calls += Math.max(1, ceil((int) visible, pageSize));
            Map<String, Integer> replies = new HashMap<>();
            Map<String, Boolean> inRange = new HashMap<>();
            for (Msg m : all) {
                if (m.isReply()) {
                    replies.merge(m.threadTs, 1, Integer::sum);
                    if (m.ts.compareTo(rangeStart) >= 0 && m.ts.compareTo(end) < 0) {
                        inRange.put(m.threadTs, true);
                    }
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
}
