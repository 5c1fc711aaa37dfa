package dev.worklens.sync;

import dev.worklens.team.Operator;
import java.util.Map;

/**
 * A section another module adds to the Sync page (e.g. Slack's unmatched standup names and ignored
 * channels). The page renders {@code template :: panel} with the returned values under {@code panel}.
 */
public interface SyncPagePanel {

    int order();

    /** A Thymeleaf template holding a fragment named {@code panel}. */
    String template();

    Map<String, Object> values(Operator operator);
}
