package dev.worklens.system.security;

import java.io.Serializable;

/** Who is signed in to the web pages: an operator row. Serializable because sessions live in the database. */
public record OperatorPrincipal(long operatorId, String slackUserId, String name) implements Serializable {

    @Override
    public String toString() {
        return name + " (" + slackUserId + ")";
    }
}
