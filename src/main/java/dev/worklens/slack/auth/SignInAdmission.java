package dev.worklens.slack.auth;

import dev.worklens.slack.client.SlackClient;
import dev.worklens.slack.client.SlackRecords.SlackUsergroup;
import dev.worklens.slack.client.SlackSession;
import dev.worklens.system.Settings;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Who may become an operator (PRODUCT.md §12): the workspace SLACK_TEAM_ID pins, then people named
 * in WORKLENS_OPERATORS, then members of a WORKLENS_OPERATOR_GROUPS user group, asked of Slack at
 * sign-in. A refusal says who is admitted and whom to ask.
 */
@Component
class SignInAdmission {

    record Decision(boolean admitted, String group, String refusal) {
        static Decision admit(String group) {
            return new Decision(true, group, null);
        }

        static Decision refuse(String words) {
            return new Decision(false, null, words);
        }
    }

    private final Settings.Access access;
    private final SlackClient client;

    SignInAdmission(Settings settings, SlackClient client) {
        this.access = settings.access();
        this.client = client;
    }

    Decision decide(SlackSession session, String userId, String email, String teamId) {
        if (access.slackTeamId() != null && !access.slackTeamId().equals(teamId)) {
            return Decision.refuse("This Worklens only admits the Slack workspace " + access.slackTeamId()
                    + "; you signed in to " + teamId + ". Sign in to that workspace instead. " + whomToAsk());
        }
        if (!access.restricted() || access.listsOperator(userId, email)) {
            return Decision.admit(null);
        }
        List<String> handles = access.groupHandles();
        if (!handles.isEmpty()) {
            List<SlackUsergroup> groups = client.usergroups(session).usergroups();
            for (String handle : handles) {
                for (SlackUsergroup group : groups) {
                    if (handle.equalsIgnoreCase(group.handle())
                            && client.usergroupMembers(session, group.id()).contains(userId)) {
                        return Decision.admit(handle);
                    }
                }
            }
        }
        return Decision.refuse(whoIsAdmitted() + " " + whomToAsk());
    }

    private String whoIsAdmitted() {
        String groups = access.groupHandles().isEmpty()
                ? ""
                : " and members of the Slack user group(s) "
                        + String.join(
                                ", ",
                                access.groupHandles().stream().map(h -> "@" + h).toList());
        return "You are signed in to Slack, but this Worklens only admits the managers its administrator named"
                + " (WORKLENS_OPERATORS)" + groups + ".";
    }

    private String whomToAsk() {
        List<String> emails = access.admins().stream()
                .filter(Objects::nonNull)
                .filter(a -> a.contains("@"))
                .toList();
        return emails.isEmpty()
                ? "Ask whoever runs this Worklens server to add you."
                : "Ask " + String.join(" or ", emails) + " to add you.";
    }
}
