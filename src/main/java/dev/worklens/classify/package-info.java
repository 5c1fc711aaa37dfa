/**
 * Work classification (Claude or offline) and per-member insights.
 */
@ApplicationModule(allowedDependencies = {"team", "activity", "github", "system", "system :: db", "system :: retry"})
package dev.worklens.classify;

import org.springframework.modulith.ApplicationModule;
