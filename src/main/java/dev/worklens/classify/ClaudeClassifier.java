package dev.worklens.classify;

import dev.worklens.activity.UnitLabels;
import dev.worklens.classify.claude.ClaudeMessages;
import dev.worklens.classify.claude.ClaudeUnavailable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labels units with Claude, many per request: a batch closes at {@link #MAX_UNITS} units or when
 * its text reaches {@link #CHAR_BUDGET} characters (about 12,000 input tokens). A batch Claude
 * fails on, or entries it answers wrongly, come back unlabelled and keep their offline labels.
 */
final class ClaudeClassifier implements WorkClassifier {

    private static final Logger log = LoggerFactory.getLogger(ClaudeClassifier.class);
    static final String PROMPT_VERSION = "claude-v1";
    static final int MAX_UNITS = 40;
    static final int CHAR_BUDGET = 48_000;

    private final ClaudeMessages claude;

    ClaudeClassifier(ClaudeMessages claude) {
        this.claude = claude;
    }

    @Override
    public String id() {
        return claude.model();
    }

    @Override
    public String promptVersion() {
        return PROMPT_VERSION;
    }

    @Override
    public Map<String, Label> classify(List<UnitLabels.Text> units) {
        Map<String, Label> labels = new HashMap<>();
        for (List<UnitLabels.Text> batch : batches(units)) {
            labels.putAll(classifyBatch(batch));
        }
        return labels;
    }

    static List<List<UnitLabels.Text>> batches(List<UnitLabels.Text> units) {
        List<List<UnitLabels.Text>> batches = new ArrayList<>();
        List<UnitLabels.Text> current = new ArrayList<>();
        int chars = 0;
        for (UnitLabels.Text unit : units) {
            int size = ClassificationTool.size(unit);
            if (!current.isEmpty() && (current.size() == MAX_UNITS || chars + size > CHAR_BUDGET)) {
                batches.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(unit);
            chars += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private Map<String, Label> classifyBatch(List<UnitLabels.Text> batch) {
        Map<String, UnitLabels.Text> byRef = new LinkedHashMap<>();
        for (UnitLabels.Text unit : batch) {
            byRef.put("u" + (byRef.size() + 1), unit);
        }
        try {
            var input = claude.call(ClassificationTool.request(byRef));
            Map<String, Label> labels = new HashMap<>();
            ClassificationTool.read(input, byRef.keySet())
                    .forEach((ref, parsed) -> labels.put(
                            byRef.get(ref).contentHash(),
                            new Label(parsed.category(), parsed.confidence(), parsed.title(), id(), PROMPT_VERSION)));
            if (labels.size() < batch.size()) {
                log.warn(
                        "Claude labelled {} of {} units validly; the others keep their offline labels",
                        labels.size(),
                        batch.size());
            }
            return labels;
        } catch (ClaudeUnavailable e) {
            log.warn(
                    "Claude classification failed for {} units, offline labels kept: {}", batch.size(), e.getMessage());
            return Map.of();
        }
    }
}
