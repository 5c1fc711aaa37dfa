/**
 * The roster: operators (the signed-in managers), the members they lead, and their identities.
 */
@ApplicationModule(
        allowedDependencies = {"system", "system :: db", "system :: web", "system :: crypto", "system :: security"})
package dev.worklens.team;

import org.springframework.modulith.ApplicationModule;
