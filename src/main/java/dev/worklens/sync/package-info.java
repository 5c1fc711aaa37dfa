/**
 * Sync jobs, tasks, progress, schedules and cleanup; the {@link dev.worklens.sync.Source} each source implements.
 */
@ApplicationModule(allowedDependencies = {"team", "activity", "system", "system :: db", "system :: web"})
package dev.worklens.sync;

import org.springframework.modulith.ApplicationModule;
