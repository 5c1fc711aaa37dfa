package dev.worklens.slack;

import dev.worklens.slack.client.SlackApiError;
import dev.worklens.slack.client.SlackClient;
import dev.worklens.slack.ingest.SlackPeople;
import dev.worklens.system.Settings;
import dev.worklens.team.AccountCheck;
import dev.worklens.team.Operator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The Slack row of the Connect page: workspace, user and whether Slack still accepts the token. */
@Component
class SlackAccountCheck implements AccountCheck {

    private static final String START = "/auth/slack/start";

    private final SlackClient client;
    private final SlackPeople people;
    private final Settings settings;

    SlackAccountCheck(SlackClient client, SlackPeople people, Settings settings) {
        this.client = client;
        this.people = people;
        this.settings = settings;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public AccountStatus check(Operator operator) {
        boolean app = settings.slack().appConfigured();
        if (operator.isLocal()) {
            return app
                    ? new AccountStatus(
                            "Slack",
                            false,
                            "Not signed in with Slack: you use the local operator.",
                            List.of("Sign in with Slack to import people and sync channels."),
                            START,
                            "Sign in with Slack")
                    : AccountStatus.of(
                            "Slack",
                            false,
                            "No Slack app is configured on this server.",
                            List.of("Create the Slack app from deploy/slack-app-manifest.template.yml and set"
                                    + " SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (docs/slack.md)."));
        }
        if (operator.tokenRevoked() || !operator.hasToken()) {
            return revoked(operator);
        }
        try {
            var owner = client.tokenOwner(people.session(operator, () -> {}));
            return new AccountStatus(
                    "Slack",
                    true,
                    "Signed in as " + operator.name() + " in " + operator.teamName() + ".",
                    List.of(
                            "Workspace: " + owner.teamName() + " (" + owner.teamId() + ")",
                            "User: " + owner.userName() + " (" + owner.userId() + ")",
                            "Token: valid",
                            "Disconnect revokes and deletes your Slack token and signs you out; your roster and"
                                    + " synced data stay."),
                    app ? START : null,
                    app ? "Sign in again" : null,
                    SlackDisconnect.PATH,
                    "Disconnect Slack");
        } catch (SlackApiError e) {
            people.revokedIfDead(operator, e);
            if (e.tokenDead()) {
                return revoked(operator);
            }
            return AccountStatus.of(
                    "Slack", false, "Could not check the Slack token: " + e.getMessage(), details(operator));
        }
    }

    private AccountStatus revoked(Operator operator) {
        return new AccountStatus(
                "Slack",
                false,
                "Slack no longer accepts your token (revoked or expired).",
                details(operator),
                START,
                "Sign in with Slack again");
    }

    private static List<String> details(Operator operator) {
        return List.of(
                "Workspace: " + operator.teamName() + " (" + operator.teamId() + ")",
                "User: " + operator.name() + " (" + operator.slackUserId() + ")");
    }
}
