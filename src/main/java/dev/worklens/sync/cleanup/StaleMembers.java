package dev.worklens.sync.cleanup;

import dev.worklens.activity.StaleMemberData;
import dev.worklens.sync.engine.SyncJobs;
import dev.worklens.team.Operator;
import dev.worklens.team.Roster;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which removed members' data belongs to an operator: ids their own syncs wrote, plus ids no
 * sync of anyone knows (data whose owner cannot be told, which only an operator can clean).
 */
@Component
public class StaleMembers {

    private final StaleMemberData data;
    private final SyncJobs jobs;
    private final Roster roster;

    StaleMembers(StaleMemberData data, SyncJobs jobs, Roster roster) {
        this.data = data;
        this.jobs = jobs;
        this.roster = roster;
    }

    /**
     * A removed member's name: as the roster had it when they were removed, else the name their
     * Slack messages carry (members removed before names were kept), else words that say so.
     */
    public String name(long memberId) {
        return roster.removedName(memberId)
                .or(() -> data.authorName(memberId))
                .orElse("a removed member whose name was not kept");
    }

    public List<StaleMemberData.Counts> preview(Operator operator) {
        Set<Long> mine = new HashSet<>(jobs.memberIdsSynced(operator.id()));
        Set<Long> known = new HashSet<>(jobs.memberIdsSyncedByAnyone());
        return data.orphans().stream()
                .filter(c -> mine.contains(c.memberId()) || !known.contains(c.memberId()))
                .toList();
    }

    public List<StaleMemberData.Counts> delete(Operator operator) {
        return data.delete(
                preview(operator).stream().map(StaleMemberData.Counts::memberId).toList());
    }
}
