/**
 * Slack as a source: sign-in, the client, and collect → store → convert of messages into work units.
 */
@ApplicationModule(
        allowedDependencies = {
            "team",
            "activity",
            "sync",
            "system",
            "system :: db",
            "system :: retry",
            "system :: web",
            "system :: crypto",
            "system :: security"
        })
package dev.worklens.slack;

import org.springframework.modulith.ApplicationModule;
