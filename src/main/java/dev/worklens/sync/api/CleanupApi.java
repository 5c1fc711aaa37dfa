package dev.worklens.sync.api;

import dev.worklens.activity.StaleMemberData;
import dev.worklens.sync.cleanup.StaleMembers;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.Operator;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CleanupApi {

    private final StaleMembers staleMembers;
    private final CurrentOperator current;

    CleanupApi(StaleMembers staleMembers, CurrentOperator current) {
        this.staleMembers = staleMembers;
        this.current = current;
    }

    record Cleanup(String operator, Boolean dryRun) {}

    record MemberCounts(long memberId, long workUnits, long insights) {}

    record StaleMembersResult(boolean dryRun, List<MemberCounts> members, long workUnits, long insights) {}

    @PostMapping("/api/cleanup/stale-members")
    StaleMembersResult staleMembers(@RequestBody Cleanup body) {
        if (body.dryRun() == null) {
            throw ApiException.invalid(
                    "dry_run", "Say \"dry_run\": true to preview the counts, or false to delete the data.");
        }
        Operator operator = current.forApi(body.operator());
        List<StaleMemberData.Counts> counts =
                body.dryRun() ? staleMembers.preview(operator) : staleMembers.delete(operator);
        return new StaleMembersResult(
                body.dryRun(),
                counts.stream()
                        .map(c -> new MemberCounts(c.memberId(), c.workUnits(), c.insights()))
                        .toList(),
                counts.stream().mapToLong(StaleMemberData.Counts::workUnits).sum(),
                counts.stream().mapToLong(StaleMemberData.Counts::insights).sum());
    }
}
