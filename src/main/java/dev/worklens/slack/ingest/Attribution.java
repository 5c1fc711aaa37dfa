package dev.worklens.slack.ingest;

import dev.worklens.activity.UnitKind;
import dev.worklens.activity.WorkUnitDraft;
import dev.worklens.slack.SlackMarkup;
import dev.worklens.slack.ingest.SlackStore.StoredMessage;
import dev.worklens.team.Member;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a channel's stored messages into work units for every member of a run at once
 * (PRODUCT.md §2): members get what they wrote and what mentions them; the operator syncing
 * themselves gets every message; in a standup channel a bot repost belongs to the member whose
 * display or real name it carries, and replies in a standup bot's thread are the replier's standups.
 */
public class Attribution {

    /** Channel housekeeping: not anyone's activity. */
    static final Set<String> HOUSEKEEPING = Set.of(
            "channel_join",
            "channel_leave",
            "channel_topic",
            "channel_purpose",
            "channel_name",
            "channel_archive",
            "channel_unarchive",
            "channel_convert_to_private",
            "channel_convert_to_public",
            "channel_posting_permissions",
            "group_join",
            "group_leave",
            "group_topic",
            "group_purpose",
            "group_name",
            "group_archive",
            "group_unarchive",
            "pinned_item",
            "unpinned_item",
            "bot_add",
            "bot_remove",
            "bot_enable",
            "bot_disable",
            "reminder_add",
            "tombstone",
            "message_deleted",
            "joiner_notification",
            "sh_room_created",
            "huddle_thread");

    /**
     * @param standupChannel bot reposts here are standups (detected, pinned or hand-posted)
     * @param handPosted the name matches a standup pattern: everything a member writes here is a standup
     */
    public record Context(
            String teamId,
            String channelId,
            String channelName,
            boolean standupChannel,
            boolean handPosted,
            String permalinkBase,
            Map<String, String> userNames,
            Map<String, String> groupHandles,
            Map<String, String> channelNames) {}

    private final List<Member> members;
    private final Map<String, List<Member>> byName = new HashMap<>();
    private final Map<String, Member> bySlackId = new HashMap<>();

    public Attribution(List<Member> members) {
        this.members = members;
        for (Member m : members) {
            m.nameKeys()
                    .distinct()
                    .forEach(k ->
                            byName.computeIfAbsent(k, x -> new ArrayList<>()).add(m));
            if (m.slackUserId() != null) {
                bySlackId.put(m.slackUserId(), m);
            }
        }
    }

    public static boolean isActivity(StoredMessage m) {
        return m.subtype() == null || !HOUSEKEEPING.contains(m.subtype());
    }

    /** The work units of one message, at most one per member. */
    public List<WorkUnitDraft> units(StoredMessage m, Context ctx) {
        if (!isActivity(m)) {
            return List.of();
        }
        List<WorkUnitDraft> out = new ArrayList<>();
        UnitKind kind = m.isReply() ? UnitKind.THREAD_REPLY : UnitKind.DISCUSSION;
        boolean standupThread = ctx.standupChannel() && m.isReply() && m.parentBotUsername() != null;
        Set<String> mentioned = MessageText.mentions(m.text());
        List<Member> standupOwners = m.isBotPost() && ctx.standupChannel()
                ? byName.getOrDefault(Member.nameKey(m.botUsername()), List.of())
                : List.of();
        Written written = null;
        for (Member member : members) {
            UnitKind unitKind;
            String role;
            if (standupOwners.contains(member)) {
                unitKind = UnitKind.STANDUP;
                role = "authored";
            } else if (!m.isBotPost() && m.user() != null && m.user().equals(member.slackUserId())) {
                unitKind = standupThread || ctx.handPosted() ? UnitKind.STANDUP : kind;
                role = "authored";
            } else if (member.slackUserId() != null && mentioned.contains(member.slackUserId())) {
                unitKind = kind;
                role = "mentioned";
            } else if (member.isOperator()) {
                unitKind = kind;
                role = "channel";
            } else {
                continue;
            }
            if (written == null) {
                written = written(m, ctx);
            }
            out.add(new WorkUnitDraft(
                    member.id(),
                    "slack",
                    unitKind,
                    role,
                    "slack:" + ctx.teamId() + ":" + ctx.channelId() + ":" + m.ts(),
                    SlackTs.instant(m.ts()),
                    written.title(),
                    written.body(),
                    permalink(ctx, m),
                    ctx.channelName(),
                    null,
                    written.author(),
                    m.isReply(),
                    written.parentTitle(),
                    written.files()));
        }
        return out;
    }

    /** What every member's unit of one message shares: worked out once per message. */
    private record Written(String title, String body, String author, String parentTitle, String files) {}

    private static Written written(StoredMessage m, Context ctx) {
        String body = MessageText.resolve(m.text(), ctx.userNames(), ctx.groupHandles(), ctx.channelNames());
        String author = m.isBotPost()
                ? m.botUsername()
                : m.user() == null ? null : ctx.userNames().getOrDefault(m.user(), m.user());
        String parent = m.isReply() && m.parentText() != null
                ? firstLine(
                        MessageText.resolve(m.parentText(), ctx.userNames(), ctx.groupHandles(), ctx.channelNames()))
                : null;
        String files = null;
        if (!m.files().isEmpty()) {
            var lines = new StringBuilder();
            m.files()
                    .forEach(f -> lines.append(oneLine(f.name()))
                            .append('\t')
                            .append(oneLine(f.permalink()))
                            .append('\n'));
            files = lines.toString().strip();
        }
        String title = firstLine(body);
        if (title.equals("(no text)") && files != null) {
            title = oneLine(m.files().get(0).name());
        }
        return new Written(title, body, author, parent, files);
    }

    /** The first line with text, as plain text without markers, at most 200 characters. */
    static String firstLine(String markup) {
        for (String line : markup.split("\n")) {
            String plain = SlackMarkup.plainLine(line).strip();
            if (!plain.isEmpty() && !plain.equals("```")) {
                return MessageText.title(plain.replace("```", ""));
            }
        }
        return "(no text)";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }

    /** Whether a bot repost in a standup channel names none of the run's members. */
    public boolean unmatchedStandup(StoredMessage m, Context ctx) {
        return ctx.standupChannel() && m.isBotPost() && !byName.containsKey(Member.nameKey(m.botUsername()));
    }

    static String permalink(Context ctx, StoredMessage m) {
        String base = ctx.permalinkBase().endsWith("/") ? ctx.permalinkBase() : ctx.permalinkBase() + "/";
        String url = base + "archives/" + ctx.channelId() + "/p" + m.ts().replace(".", "");
        return m.isReply() ? url + "?thread_ts=" + m.threadTs() + "&cid=" + ctx.channelId() : url;
    }
}
