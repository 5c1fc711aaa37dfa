/**
 * The member report and the team overview: the report model and builder, its pages and JSON.
 */
@ApplicationModule(
        allowedDependencies = {
            "team",
            "activity",
            "github",
            "classify",
            "patterns",
            "system",
            "system :: db",
            "system :: web"
        })
package dev.worklens.report;

import org.springframework.modulith.ApplicationModule;
