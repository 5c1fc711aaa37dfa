package dev.worklens.devtrack.preview;

/**
 * One row of a member's diff. {@code fromNote}/{@code toNote} are set only when the note changes;
 * {@code added} skills are missing from the Sheet and {@code fromStatus} is then null.
 */
public record SkillChange(
        Integer level,
        String column,
        String skill,
        String fromStatus,
        String toStatus,
        String fromNote,
        String toNote,
        boolean added) {

    public boolean statusChanges() {
        return fromStatus == null || !fromStatus.equals(toStatus);
    }

    public boolean noteChanges() {
        return fromNote != null || toNote != null;
    }

    /** The note change line by line, for the preview page. */
    public java.util.List<NoteDiff.Line> noteDiff() {
        return NoteDiff.lines(fromNote, toNote);
    }
}
