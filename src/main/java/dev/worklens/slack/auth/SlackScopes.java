package dev.worklens.slack.auth;

import java.util.List;

/** The user scopes of PRODUCT.md §2; Worklens asks for no bot scopes. */
final class SlackScopes {

    static final List<String> USER = List.of(
            "channels:history",
            "channels:read",
            "groups:history",
            "groups:read",
            "users:read",
            "users:read.email",
            "usergroups:read");

    private SlackScopes() {}
}
