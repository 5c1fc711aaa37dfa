package dev.worklens.sync;

import dev.worklens.team.Member;
import dev.worklens.team.Operator;

/**
 * A source's part of a per-member cleanup: each source deletes its own tables and asks the
 * activity module to delete the member's work units, so no module deletes another's rows. A
 * preview ({@code dryRun}) deletes nothing; a cleanup that cannot check what it needs (Slack
 * refuses a call, say) throws before deleting anything.
 */
public interface MemberDataCleanup {

    /** The source id ({@code slack}, {@code github}) whose kinds this handles. */
    String source();

    MemberCleanupPlan run(Operator operator, Member member, MemberCleanupKind kind, boolean dryRun);
}
