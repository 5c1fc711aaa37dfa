package dev.worklens.team;

import dev.worklens.system.Settings;
import dev.worklens.system.web.ApiException;
import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What an operator may reach: the members on their own roster and what was collected through them;
 * operators named in {@code WORKLENS_ADMINS} reach every roster. Every route that takes a member,
 * a sync, a schedule or a preview by id asks here first. A member outside the operator's reach
 * answers exactly as a member that does not exist, so ids of other rosters reveal nothing.
 */
@Component
public class OperatorScope {

    private final Settings.Access access;
    private final Operators operators;
    private final Roster roster;
    private final CurrentOperator current;

    OperatorScope(Settings settings, Operators operators, Roster roster, CurrentOperator current) {
        this.current = current;
        this.access = settings.access();
        this.operators = operators;
        this.roster = roster;
    }

    public boolean isAdmin(Operator operator) {
        return access.listsAdmin(
                operator.slackUserId(), operators.email(operator.id()).orElse(null));
    }

    /** Whether {@code operator} may act on something owned by the operator with id {@code ownerId}. */
    public boolean mayActFor(Operator operator, long ownerId) {
        return operator.id() == ownerId || isAdmin(operator);
    }

    public boolean mayActOn(Operator operator, Member member) {
        return mayActFor(operator, member.operatorId());
    }

    public boolean mayActOn(Operator operator, long memberId) {
        return roster.find(memberId).map(m -> mayActOn(operator, m)).orElse(false);
    }

    /** The member, when the operator may act on them; else 404 as for an unknown id. */
    public Member member(Operator operator, long memberId) {
        return roster.find(memberId).filter(m -> mayActOn(operator, m)).orElseThrow(() -> unknownMember(memberId));
    }

    /** Every given member, or 404 naming the first the operator may not act on. */
    public List<Member> members(Operator operator, Collection<Long> memberIds) {
        List<Member> found = roster.findAll(memberIds);
        for (long id : memberIds) {
            if (found.stream().noneMatch(m -> m.id() == id && mayActOn(operator, m))) {
                throw unknownMember(id);
            }
        }
        return found;
    }

    /**
     * The member an API call names by id. The API key is the server's credential, not a person's:
     * {@code operator}, when given, limits the call to that operator's reach (404 otherwise); left
     * out, the call acts for the member's own operator, as before operators had rosters of their own.
     */
    public Member memberForApi(String operatorParam, long memberId) {
        if (operatorParam == null || operatorParam.isBlank()) {
            return roster.find(memberId).orElseThrow(() -> unknownMember(memberId));
        }
        return member(current.forApi(operatorParam), memberId);
    }

    /** Whether an API call may touch something of {@code ownerId}; see {@link #memberForApi}. */
    public boolean apiMayActFor(String operatorParam, long ownerId) {
        return operatorParam == null || operatorParam.isBlank() || mayActFor(current.forApi(operatorParam), ownerId);
    }

    /** 403 unless the operator is an admin; {@code action} says what was refused. */
    public void requireAdmin(Operator operator, String action) {
        if (!isAdmin(operator)) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN, "forbidden", "Only operators named in WORKLENS_ADMINS may " + action + ".");
        }
    }

    /** 404 unless the thing owned by {@code ownerId} is within the operator's reach. */
    public void requireReach(Operator operator, long ownerId, String what) {
        if (!mayActFor(operator, ownerId)) {
            throw ApiException.notFound(what);
        }
    }

    public static ApiException unknownMember(long memberId) {
        return new ApiException(
                HttpStatus.NOT_FOUND,
                "not_found",
                "Member " + memberId + " does not exist on your roster; GET /api/members lists them.");
    }
}
