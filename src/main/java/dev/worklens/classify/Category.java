package dev.worklens.classify;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The work categories of PRODUCT.md §7; {@link #wire()} is what {@code work_units.category} holds. */
enum Category {
    FEATURE("feature", "Feature work"),
    BUG_FIX("bug_fix", "Bug fixes"),
    ARCHITECTURE("architecture", "Architecture and design"),
    MENTORSHIP("mentorship", "Mentorship"),
    INCIDENT("incident", "Incidents"),
    REVIEW("review", "Code review"),
    DOCUMENTATION("documentation", "Documentation"),
    PLANNING("planning", "Planning"),
    OPERATIONAL("operational", "Operations"),
    UNKNOWN("unknown", "Uncategorised");

    private final String wire;
    private final String label;

    Category(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    String wire() {
        return wire;
    }

    /** How a sentence for a manager names the category. */
    String label() {
        return label;
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(Category::wire).toList();
    }

    // a report looks up every unit's category (thousands a page): a map, not a stream over values()
    private static final Map<String, Category> BY_WIRE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Category::wire, c -> c));

    static Optional<Category> fromWire(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(BY_WIRE.get(value));
    }
}
