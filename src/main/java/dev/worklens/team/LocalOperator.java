package dev.worklens.team;

import dev.worklens.system.security.LocalOperatorSignIn;
import dev.worklens.system.security.OperatorPrincipal;
import org.springframework.stereotype.Component;

/** The operator every browser becomes in AUTH_MODE=local. */
@Component
class LocalOperator implements LocalOperatorSignIn {

    private final Operators operators;

    LocalOperator(Operators operators) {
        this.operators = operators;
    }

    @Override
    public OperatorPrincipal localOperator() {
        Operator local = operators.local();
        return new OperatorPrincipal(local.id(), local.slackUserId(), local.name());
    }
}
