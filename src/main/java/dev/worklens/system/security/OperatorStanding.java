package dev.worklens.system.security;

import java.util.Optional;

/**
 * Whether a signed-in operator may stay signed in, asked on every request; implemented by the team
 * module, which knows operators, so security does not depend on it.
 */
public interface OperatorStanding {

    /**
     * Empty while the operator may stay; else a reason code ({@code not_admitted}, {@code revoked},
     * {@code workspace}, {@code gone}) the signed-out page turns into words.
     */
    Optional<String> refusal(OperatorPrincipal principal);
}
