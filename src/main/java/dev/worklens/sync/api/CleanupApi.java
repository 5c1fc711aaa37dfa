package dev.worklens.sync.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.worklens.activity.StaleMemberData;
import dev.worklens.sync.MemberCleanupKind;
import dev.worklens.sync.MemberCleanupPlan;
import dev.worklens.sync.cleanup.MemberCleanup;
import dev.worklens.sync.cleanup.StaleMembers;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.OperatorScope;
import dev.worklens.team.Operators;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CleanupApi {

    private final StaleMembers staleMembers;
    private final CurrentOperator current;
    private final MemberCleanup memberCleanup;
    private final OperatorScope scope;
    private final Operators operators;

    CleanupApi(
            StaleMembers staleMembers,
            CurrentOperator current,
            MemberCleanup memberCleanup,
            OperatorScope scope,
            Operators operators) {
        this.operators = operators;
        this.staleMembers = staleMembers;
        this.current = current;
        this.memberCleanup = memberCleanup;
        this.scope = scope;
    }

    record Cleanup(String operator, Boolean dryRun) {}

    record MemberCounts(long memberId, String displayName, long workUnits, long insights) {}

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
                        .map(c -> new MemberCounts(
                                c.memberId(), staleMembers.name(c.memberId()), c.workUnits(), c.insights()))
                        .toList(),
                counts.stream().mapToLong(StaleMemberData.Counts::workUnits).sum(),
                counts.stream().mapToLong(StaleMemberData.Counts::insights).sum());
    }

    record MemberBody(String operator, Long memberId, String what, Boolean dryRun) {}

    record MemberRef(long id, String displayName) {}

    record Group(String name, long workUnits, long storedRows) {}

    /** Slack kinds answer {@code channels}, GitHub kinds {@code logins}; names, never ids. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MemberResult(
            boolean dryRun,
            MemberRef member,
            String what,
            String source,
            List<Group> channels,
            List<Group> logins,
            long workUnits,
            long storedRows,
            List<String> notes) {}

    @PostMapping("/api/cleanup/member")
    MemberResult member(@RequestBody MemberBody body) {
        if (body.memberId() == null) {
            throw ApiException.invalid("member_id", "Say whose data to clean up: \"member_id\" from GET /api/members.");
        }
        MemberCleanupKind kind = MemberCleanup.kind(body.what());
        if (body.dryRun() == null) {
            throw ApiException.invalid(
                    "dry_run", "Say \"dry_run\": true to preview the counts, or false to delete the data.");
        }
        Member member = scope.memberForApi(body.operator(), body.memberId());
        Operator operator = body.operator() == null || body.operator().isBlank()
                ? operators.find(member.operatorId()).orElseThrow(() -> OperatorScope.unknownMember(member.id()))
                : current.forApi(body.operator());
        MemberCleanupPlan plan = body.dryRun()
                ? memberCleanup.preview(operator, member, kind)
                : memberCleanup.delete(operator, member, kind);
        List<Group> groups = plan.groups().stream()
                .map(g -> new Group(g.name(), g.workUnits(), g.storedRows()))
                .toList();
        boolean slack = kind.source().equals("slack");
        return new MemberResult(
                body.dryRun(),
                new MemberRef(member.id(), member.displayName()),
                kind.code(),
                kind.source(),
                slack ? groups : null,
                slack ? null : groups,
                plan.workUnits(),
                plan.storedRows(),
                plan.notes());
    }
}
