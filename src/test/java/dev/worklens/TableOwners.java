package dev.worklens;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which module owns each table. A table named {@code <module>_…} belongs to that module; the
 * others are listed here. A new table with neither fails {@link ModularityTest}: say here who owns it.
 */
final class TableOwners {

    static final Set<String> MODULES = Set.of(
            "team",
            "slack",
            "github",
            "activity",
            "classify",
            "sync",
            "report",
            "devtrack",
            "system",
            "demo",
            "patterns");

    private static final Map<String, String> LISTED = Map.ofEntries(
            Map.entry("operators", "team"),
            Map.entry("members", "team"),
            Map.entry("app_settings", "team"),
            Map.entry("work_units", "activity"),
            Map.entry("classifications", "classify"),
            Map.entry("insights", "classify"),
            // "incremental state of any source", but only GitHub keeps its cursors there
            Map.entry("source_cursors", "github"),
            // db-scheduler's table, which only the sync engine's job queue uses
            Map.entry("scheduled_tasks", "sync"),
            // Spring Session's tables: its JDBC repository writes them, none of our SQL does
            Map.entry("spring_session", "system"),
            Map.entry("spring_session_attributes", "system"));

    private TableOwners() {}

    static Optional<String> owner(String table) {
        String listed = LISTED.get(table);
        if (listed != null) {
            return Optional.of(listed);
        }
        int underscore = table.indexOf('_');
        String prefix = underscore < 0 ? table : table.substring(0, underscore);
        return MODULES.contains(prefix) ? Optional.of(prefix) : Optional.empty();
    }
}
