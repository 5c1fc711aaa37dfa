package dev.worklens.system.security;

/**
 * Provides the local operator for {@code AUTH_MODE=local}; implemented by the team module, which
 * owns operators, so security does not depend on it.
 */
public interface LocalOperatorSignIn {
    OperatorPrincipal localOperator();
}
