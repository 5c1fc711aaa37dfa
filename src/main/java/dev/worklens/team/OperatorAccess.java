package dev.worklens.team;

import dev.worklens.system.Settings;
import dev.worklens.system.security.OperatorPrincipal;
import dev.worklens.system.security.OperatorStanding;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether a signed-in operator is still allowed, checked on every request: a person removed from
 * WORKLENS_OPERATORS, whose admitting group left WORKLENS_OPERATOR_GROUPS, whose workspace is not
 * SLACK_TEAM_ID, or whose Slack token was revoked is signed out at their next request.
 */
@Component
class OperatorAccess implements OperatorStanding {

    static final String GONE = "gone";
    static final String NOT_ADMITTED = "not_admitted";
    static final String REVOKED = "revoked";
    static final String WORKSPACE = "workspace";

    private final Settings settings;
    private final Operators operators;

    OperatorAccess(Settings settings, Operators operators) {
        this.settings = settings;
        this.operators = operators;
    }

    @Override
    public Optional<String> refusal(OperatorPrincipal principal) {
        Optional<Operator> found = operators.find(principal.operatorId());
        if (found.isEmpty()) {
            return Optional.of(GONE);
        }
        Operator operator = found.get();
        if (operator.isLocal()) {
            return settings.app().authMode() == Settings.AuthMode.LOCAL ? Optional.empty() : Optional.of(NOT_ADMITTED);
        }
        if (operator.tokenRevoked()) {
            return Optional.of(REVOKED);
        }
        Settings.Access access = settings.access();
        if (access.slackTeamId() != null && !access.slackTeamId().equals(operator.teamId())) {
            return Optional.of(WORKSPACE);
        }
        if (!access.restricted()) {
            return Optional.empty();
        }
        String email = operators.email(operator.id()).orElse(null);
        if (access.listsOperator(operator.slackUserId(), email)) {
            return Optional.empty();
        }
        Optional<String> group = operators.admittedBy(operator.id());
        if (group.isPresent() && access.groupHandles().contains(group.get())) {
            return Optional.empty();
        }
        return Optional.of(NOT_ADMITTED);
    }
}
