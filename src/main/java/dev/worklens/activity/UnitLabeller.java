package dev.worklens.activity;

import java.util.List;
import java.util.Map;

/**
 * Labels units before they are written, for a store that writes many units at once
 * ({@link WorkUnits#storeQuietly}): a new unit is then inserted with its label instead of inserted
 * and updated again. The label columns are in the report's covering index, so that second write
 * rewrote every index entry of every unit: 23 of 38 s of re-extracting 200,000 messages.
 *
 * <p>An interface at a module boundary: classify decides which label a text gets (a stored
 * Claude label for it, else offline) and implements this; activity knows no classifier.
 */
public interface UnitLabeller {

    /** A label for a unit's text, as {@link UnitLabels#label} writes it. */
    record Label(String category, double confidence, String classifier, String promptVersion) {}

    /**
     * Labels by content hash for these texts (their ids are 0: the units are not stored yet). A text
     * left out stays unlabelled, and classification labels it when it is told of the store.
     */
    Map<String, Label> labels(List<UnitLabels.Text> texts);
}
