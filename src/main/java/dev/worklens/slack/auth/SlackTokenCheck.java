package dev.worklens.slack.auth;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.worklens.slack.client.SlackApiError;
import dev.worklens.slack.client.SlackClient;
import dev.worklens.slack.ingest.SlackPeople;
import dev.worklens.system.crypto.TokenCipher;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Once a day asks Slack ({@code auth.test}) whether each operator's token still works. A token
 * revoked, or of a person deactivated in Slack, is marked revoked, and the operator is signed out
 * of Worklens at their next request.
 */
@Component
public class SlackTokenCheck {

    private static final Logger log = LoggerFactory.getLogger(SlackTokenCheck.class);

    private final Operators operators;
    private final SlackPeople people;
    private final SlackClient client;

    SlackTokenCheck(Operators operators, SlackPeople people, SlackClient client) {
        this.operators = operators;
        this.people = people;
        this.client = client;
    }

    /** Returns how many operators were found revoked. */
    public int checkAll() {
        int revoked = 0;
        for (Operator operator : operators.all()) {
            if (operator.isLocal() || operator.tokenRevoked() || !operator.hasToken()) {
                continue;
            }
            try {
                client.tokenOwner(people.session(operator, () -> {}));
            } catch (SlackApiError e) {
                if (e.tokenDead()) {
                    people.revokedIfDead(operator, e);
                    revoked++;
                } else {
                    // Slack unreachable or slow: tomorrow's check asks again
                    log.info("auth.test for operator {} failed: {}", operator.id(), e.code());
                }
            } catch (TokenCipher.TokenUnreadableException e) {
                operators.markTokenRevoked(operator.id());
                revoked++;
            }
        }
        return revoked;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        @Bean
        RecurringTask<Void> slackTokenCheckTask(SlackTokenCheck check) {
            return Tasks.recurring("slack-token-check", FixedDelay.of(Duration.ofDays(1)))
                    .execute((instance, context) -> check.checkAll());
        }
    }
}
