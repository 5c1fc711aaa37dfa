package dev.worklens.slack.ingest;

import dev.worklens.slack.client.SlackApiError;
import dev.worklens.slack.client.SlackClient;
import dev.worklens.slack.client.SlackRecords.SlackPerson;
import dev.worklens.slack.client.SlackSession;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The workspace's people from {@code users.list}, read to the last page and kept in
 * {@code slack_users} (bots included there, for rendering); {@link #humans} leaves out bots,
 * deactivated accounts and Slackbot.
 */
@Component
public class SlackPeople {

    static final String SLACKBOT = "USLACKBOT";

    private final SlackClient client;
    private final WorkspaceStore store;
    private final Operators operators;

    SlackPeople(SlackClient client, WorkspaceStore store, Operators operators) {
        this.client = client;
        this.store = store;
        this.operators = operators;
    }

    /** The operator's Slack session; without a usable token the operator must sign in with Slack. */
    public SlackSession session(Operator operator, Runnable checkCancelled) {
        if (operator.isLocal()) {
            throw new SlackApiError(
                    "not_signed_in",
                    null,
                    "This needs Sign in with Slack: the local operator has no Slack token (Connect accounts).");
        }
        String token = operators
                .slackToken(operator.id())
                .orElseThrow(() -> new SlackApiError(
                        "token_revoked",
                        null,
                        "Slack no longer accepts your token or none is stored. Sign in with Slack again."));
        return new SlackSession(token, operator.teamId(), checkCancelled);
    }

    /** Reads every page of {@code users.list} and stores it; returns everyone. */
    public List<SlackPerson> readAll(SlackSession session) {
        List<SlackPerson> all = new ArrayList<>();
        String cursor = null;
        do {
            var page = client.people(session, cursor);
            store.savePeople(session.teamId(), page.people());
            all.addAll(page.people());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    public List<SlackPerson> humans(Operator operator) {
        try {
            return readAll(session(operator, () -> {})).stream()
                    .filter(SlackPeople::isHuman)
                    .toList();
        } catch (SlackApiError e) {
            throw revokedIfDead(operator, e);
        }
    }

    public static boolean isHuman(SlackPerson p) {
        return !p.bot() && !p.deleted() && !SLACKBOT.equals(p.id());
    }

    /** Marks the token revoked when Slack says it is dead, so the Connect page asks to sign in again. */
    public SlackApiError revokedIfDead(Operator operator, SlackApiError e) {
        if (e.tokenDead()) {
            operators.markTokenRevoked(operator.id());
        }
        return e;
    }
}
