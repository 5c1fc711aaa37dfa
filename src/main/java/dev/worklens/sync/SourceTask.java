package dev.worklens.sync;

import dev.worklens.team.Member;

/** Progress of one (member, source) pair, written to the database as it changes. */
public interface SourceTask {

    long id();

    Member member();

    /** Sets the amount of work expected (pages, channels, queries), when known. */
    void total(int total);

    /** Adds finished work and stored items. */
    void advance(int done, int items);

    /** Ends this task as failed with words the manager can act on; the others go on. */
    void fail(String reason);

    /** Ends this task as skipped for a reason the manager can act on (e.g. no GitHub login). */
    void skip(String reason);

    /** True once the task has ended (failed or skipped). */
    boolean finished();
}
