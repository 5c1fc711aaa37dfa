/**
 * The demo workspace: a made-up team served by local stand-ins for Slack and GitHub, synced through
 * the real sync, storage and classification path. The benchmarks reuse the same stand-ins.
 */
@ApplicationModule(allowedDependencies = {"team", "sync", "system", "system :: db"})
package dev.worklens.demo;

import org.springframework.modulith.ApplicationModule;
