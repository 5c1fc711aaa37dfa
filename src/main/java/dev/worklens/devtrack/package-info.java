/**
 * The Dev track: the Sheets and Notion readers, the diff and its apply, and the report panel.
 */
@ApplicationModule(
        allowedDependencies = {"team", "report", "system", "system :: db", "system :: retry", "system :: web"})
package dev.worklens.devtrack;

import org.springframework.modulith.ApplicationModule;
