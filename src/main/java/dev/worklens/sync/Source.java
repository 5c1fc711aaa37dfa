package dev.worklens.sync;

/**
 * A place activity comes from (Slack, GitHub). The engine calls {@link #run} once per job with
 * every task of this source, so a source can read shared data once for all members (Slack reads
 * each channel once for the whole team) or go member by member (GitHub).
 */
public interface Source {

    /** "slack" or "github", as in the API's {@code sources}. */
    String id();

    /**
     * Reads the range for the run's members, stores what it reads as it goes, and reports progress
     * on each member's task. A member-specific problem ends that member's task with
     * {@link SourceTask#fail}; an exception ends every task of the run that is still open.
     * Implementations call {@link SourceRun#checkCancelled()} between pages and waits.
     */
    void run(SourceRun run) throws Exception;
}
