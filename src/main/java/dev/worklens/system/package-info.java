/** Cross-cutting pieces: settings, security, error handling, database helpers. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.worklens.system;
