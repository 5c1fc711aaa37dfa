/**
 * Cross-cutting pieces: settings, security, error handling, database helpers. Closed: other
 * modules use its root package and the named interfaces {@code db}, {@code web}, {@code security}
 * and {@code crypto}; {@code config} stays inside.
 */
@ApplicationModule(allowedDependencies = {})
package dev.worklens.system;

import org.springframework.modulith.ApplicationModule;
