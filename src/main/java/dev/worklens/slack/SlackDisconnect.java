package dev.worklens.slack;

import dev.worklens.slack.client.SlackApiError;
import dev.worklens.slack.client.SlackClient;
import dev.worklens.slack.ingest.SlackPeople;
import dev.worklens.system.security.SignedInOperators;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Disconnect Slack on the Connect page: Slack revokes the token ({@code auth.revoke}), Worklens
 * deletes its stored copy and signs the operator out. The roster and synced data stay, so signing
 * in again continues where they left off.
 */
@Controller
class SlackDisconnect {

    static final String PATH = "/connect/slack/disconnect";
    private static final Logger log = LoggerFactory.getLogger(SlackDisconnect.class);

    private final CurrentOperator current;
    private final Operators operators;
    private final SlackClient client;
    private final SlackPeople people;
    private final SignedInOperators signedIn;

    SlackDisconnect(
            CurrentOperator current,
            Operators operators,
            SlackClient client,
            SlackPeople people,
            SignedInOperators signedIn) {
        this.current = current;
        this.operators = operators;
        this.client = client;
        this.people = people;
        this.signedIn = signedIn;
    }

    @PostMapping(PATH)
    String disconnect(HttpServletRequest request, RedirectAttributes redirect) {
        Operator operator = current.signedIn();
        if (operator.isLocal()) {
            redirect.addFlashAttribute("flashError", "The local operator has no Slack connection to disconnect.");
            return "redirect:/connect";
        }
        if (operator.hasToken() && !operator.tokenRevoked()) {
            try {
                client.revoke(people.session(operator, () -> {}));
            } catch (SlackApiError e) {
                // a token Slack already refuses is as good as revoked; anything else still ends in deletion
                log.info("auth.revoke answered {} for operator {}; deleting the token anyway", e.code(), operator.id());
            }
        }
        operators.forgetToken(operator.id());
        signedIn.signOut(request);
        return "redirect:/auth/signed-out?disconnected=1";
    }
}
