package dev.worklens.devtrack.preview;

import dev.worklens.system.web.ApiException;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.OperatorScope;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who an operator may preview and apply for: the people on their own roster, or everyone when
 * WORKLENS_ADMINS names them (PRODUCT.md §12).
 */
@Component
public class DevTrackPeople {

    private final OperatorScope scope;
    private final Roster roster;
    private final Operators operators;

    DevTrackPeople(OperatorScope scope, Roster roster, Operators operators) {
        this.scope = scope;
        this.roster = roster;
        this.operators = operators;
    }

    /**
     * @param chosen whose pages are read and shown (for {@code everyone}, every page)
     * @param inReach every person the operator may act for, one member per person: tabs are
     *     ambiguous when two of them share one, whether or not both are chosen
     */
    public record People(SyncFor syncFor, List<Member> chosen, List<Member> inReach) {

        boolean includes(Member member) {
            if (syncFor.everyone()) {
                return true;
            }
            return member != null && chosen.stream().anyMatch(m -> m.id() == member.id());
        }
    }

    public boolean isAdmin(Operator operator) {
        return scope.isAdmin(operator);
    }

    public People resolve(Operator operator, SyncFor syncFor) {
        List<Member> own = roster.members(operator.id());
        boolean admin = scope.isAdmin(operator);
        List<Member> inReach = admin ? everyone(own) : own;
        List<Member> chosen = switch (syncFor.spec()) {
            case "me" -> own.stream().filter(Member::isOperator).toList();
            case "team" -> own.stream().filter(m -> !m.isOperator()).toList();
            case "all" -> own;
            case "everyone" -> {
                scope.requireAdmin(operator, "preview the dev track for everyone");
                yield inReach;
            }
            default -> scope.members(operator, syncFor.memberIds());
        };
        if (chosen.isEmpty() && !syncFor.everyone()) {
            throw new ApiException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "nobody_chosen",
                    syncFor.spec().equals("me")
                            ? "You are not on your own roster: choose my team or members."
                            : "Nobody to preview: add members on the Team page first.");
        }
        return new People(syncFor, chosen, inReach);
    }

    /** Whether the operator may still write for this member (the roster may have changed since the preview). */
    public boolean mayApplyFor(Operator operator, Long memberId) {
        return memberId != null ? scope.mayActOn(operator, memberId) : scope.isAdmin(operator);
    }

    /**
     * Every roster's members, one per person: the same Slack user on two rosters is one person, so
     * their tab is not ambiguous between the two rows. The operator's own rows come first.
     */
    private List<Member> everyone(List<Member> own) {
        Map<String, Member> people = new LinkedHashMap<>();
        own.forEach(m -> people.putIfAbsent(personKey(m), m));
        for (Operator other : operators.all()) {
            roster.members(other.id()).forEach(m -> people.putIfAbsent(personKey(m), m));
        }
        return new ArrayList<>(people.values());
    }

    static String personKey(Member member) {
        return member.slackUserId() != null && !member.slackUserId().isBlank()
                ? "slack:" + member.slackUserId()
                : "member:" + member.id();
    }
}
