/**
 * Source-neutral work units: how they are stored, and the published queries other modules read them through.
 */
@ApplicationModule(allowedDependencies = {"team", "system", "system :: db"})
package dev.worklens.activity;

import org.springframework.modulith.ApplicationModule;
