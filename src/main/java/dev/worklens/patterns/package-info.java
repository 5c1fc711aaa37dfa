/**
 * Work patterns and team health (PRODUCT.md §14): per member, when their own activity happens in
 * their own time zone; for a team, who reviews whom and where knowledge sits with one person.
 * Signals for a conversation, never a score.
 */
@ApplicationModule(allowedDependencies = {"team", "activity", "github", "sync", "system", "system :: db"})
package dev.worklens.patterns;

import org.springframework.modulith.ApplicationModule;
