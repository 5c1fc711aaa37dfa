package dev.worklens.classify;

import dev.worklens.activity.UnitLabeller;
import dev.worklens.activity.UnitLabels;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Gives activity the label a unit's text gets, so a unit can be written once with it. */
@Component
class LabelsBeforeStore implements UnitLabeller {

    private final WorkClassification classification;

    LabelsBeforeStore(WorkClassification classification) {
        this.classification = classification;
    }

    @Override
    public Map<String, UnitLabeller.Label> labels(List<UnitLabels.Text> texts) {
        Map<String, UnitLabeller.Label> out = new HashMap<>();
        classification
                .labelsFor(texts)
                .forEach((hash, label) -> out.put(
                        hash,
                        new UnitLabeller.Label(
                                label.category().wire(),
                                label.confidence(),
                                label.classifier(),
                                label.promptVersion())));
        return out;
    }
}
