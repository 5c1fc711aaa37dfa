package dev.worklens.sync.cleanup;

import dev.worklens.sync.MemberCleanupKind;
import dev.worklens.sync.MemberCleanupPlan;
import dev.worklens.sync.MemberDataCleanup;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Per-member cleanup (PRODUCT.md §6): hands the kind to the source that owns the data. The caller
 * has already checked the member is within the operator's reach ({@code team.OperatorScope}).
 */
@Component
public class MemberCleanup {

    private final List<MemberDataCleanup> sources;

    MemberCleanup(List<MemberDataCleanup> sources) {
        this.sources = sources;
    }

    public static MemberCleanupKind kind(String what) {
        return MemberCleanupKind.of(what)
                .orElseThrow(() -> ApiException.invalid(
                        "what",
                        "Say what to clean up: \"left_channels\", \"old_logins\", \"all_slack\" or \"all_github\"."));
    }

    public MemberCleanupPlan preview(Operator operator, Member member, MemberCleanupKind kind) {
        return source(kind).run(operator, member, kind, true);
    }

    public MemberCleanupPlan delete(Operator operator, Member member, MemberCleanupKind kind) {
        return source(kind).run(operator, member, kind, false);
    }

    private MemberDataCleanup source(MemberCleanupKind kind) {
        return sources.stream()
                .filter(s -> s.source().equals(kind.source()))
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "source_not_installed",
                        "No " + kind.source() + " source is installed on this server, so there is no " + kind.source()
                                + " data to clean up."));
    }
}
