package dev.worklens.devtrack.preview;

import dev.worklens.devtrack.notion.NotionTrack;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A stored preview: what the API answers, and per developer what apply needs to redo it safely.
 *
 * @param syncFor whose pages were read, in {@link SyncFor#asStored()} form
 * @param leftOut developer pages not read because their developer is not among those chosen
 */
public record Preview(String id, Instant createdAt, String syncFor, int leftOut, List<Developer> developers) {

    public static final String OK = "ok";
    public static final String NO_TAB = "no_tab";
    public static final String AMBIGUOUS = "ambiguous";
    public static final String ERROR = "error";

    /**
     * @param sheetId the matched tab's id, and {@code fingerprint} its content hash at preview time
     * @param track the parsed Notion page, so apply plans against the same Notion state it showed
     * @param warning what the manager should know that is not an error (skills in focus, no Focus
     *     Areas heading to list them under)
     */
    public record Developer(
            String notionPageId,
            String developer,
            String tab,
            Long memberId,
            String memberName,
            String status,
            String error,
            List<SkillChange> changes,
            List<String> focusAdd,
            List<String> focusRemove,
            Integer sheetId,
            String fingerprint,
            NotionTrack track,
            FocusPlan focus,
            String warning) {

        public boolean ok() {
            return OK.equals(status);
        }

        public boolean hasChanges() {
            return !changes.isEmpty() || !focusAdd.isEmpty() || !focusRemove.isEmpty();
        }
    }

    /** The figures above the per-developer diffs. */
    public record Summary(int developers, int ok, int cells, int focusAdd, int focusRemove) {}

    public Summary summary() {
        List<Developer> ok = developers.stream().filter(Developer::ok).toList();
        return new Summary(
                developers.size(),
                ok.size(),
                ok.stream().mapToInt(d -> d.changes().size()).sum(),
                ok.stream().mapToInt(d -> d.focusAdd().size()).sum(),
                ok.stream().mapToInt(d -> d.focusRemove().size()).sum());
    }

    /** Serializable: the page hands results to the next request as a flash attribute in the session. */
    public record Result(String notionPageId, String developer, String state, String error) implements Serializable {}
}
