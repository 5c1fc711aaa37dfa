/**
 * GitHub as a source: the client, collect → store → convert into work units, and the published
 * pull-request and review queries other modules read GitHub through.
 */
@ApplicationModule(
        allowedDependencies = {"team", "activity", "sync", "system", "system :: db", "system :: retry", "system :: web"
        })
package dev.worklens.github;

import org.springframework.modulith.ApplicationModule;
