package dev.worklens.slack.client;

import java.util.List;

/** What the Slack client returns: our own records, never SDK types. */
public final class SlackRecords {

    private SlackRecords() {}

    /** One message as Slack sent it ({@code raw}) with the fields Worklens reads. */
    public record SlackMessage(
            String ts,
            String threadTs,
            String user,
            String botId,
            String botUsername,
            String subtype,
            String text,
            int replyCount,
            String latestReply,
            String editedTs,
            String raw,
            List<SlackFile> files) {

        public SlackMessage(
                String ts,
                String threadTs,
                String user,
                String botId,
                String botUsername,
                String subtype,
                String text,
                int replyCount,
                String latestReply,
                String editedTs,
                String raw) {
            this(
                    ts,
                    threadTs,
                    user,
                    botId,
                    botUsername,
                    subtype,
                    text,
                    replyCount,
                    latestReply,
                    editedTs,
                    raw,
                    List.of());
        }
    }

    /** A file attached to a message: its name and its page in Slack. */
    public record SlackFile(String name, String permalink) {}

    public record MessagePage(List<SlackMessage> messages, String nextCursor) {
        public boolean last() {
            return nextCursor == null || nextCursor.isEmpty();
        }
    }

    public record SlackChannel(String id, String name, boolean isPrivate, boolean isArchived, boolean isMember) {}

    public record ChannelPage(List<SlackChannel> channels, String nextCursor) {}

    /** @param tz Slack's IANA zone ({@code users.list} {@code tz}), null when absent */
    public record SlackPerson(
            String id, String displayName, String realName, String email, boolean bot, boolean deleted, String tz) {}

    public record PeoplePage(List<SlackPerson> people, String nextCursor) {}

    public record SlackUsergroup(String id, String handle, String name) {}

    public record UsergroupPage(List<SlackUsergroup> usergroups, String nextCursor) {}

    /** The answer of {@code oauth.v2.access} for a user-token install. */
    public record OAuthGrant(String userId, String accessToken, String scopes, String teamId, String teamName) {
        @Override
        public String toString() {
            return "OAuthGrant[userId=" + userId + ", teamId=" + teamId + "]";
        }
    }

    /** The answer of {@code auth.test}: whose token this is. */
    public record TokenOwner(String userId, String userName, String teamId, String teamName, String url) {}

    /** A page of a channel's member ids; {@code nextCursor} null on the last page. */
    public record MemberPage(List<String> userIds, String nextCursor) {}
}
