package dev.worklens.classify;

import dev.worklens.activity.UnitLabels;
import java.util.List;
import java.util.Map;

/**
 * Gives work units a category. A real boundary: one implementation calls Claude, the other is a
 * deterministic offline rule set.
 */
interface WorkClassifier {

    /** The id recorded with each label: a model id or {@code offline}. */
    String id();

    String promptVersion();

    /**
     * Labels by content hash for the units this classifier could label; a unit missing from the
     * answer was not labelled (the caller falls back to the offline classifier for it).
     */
    Map<String, Label> classify(List<UnitLabels.Text> units);
}
