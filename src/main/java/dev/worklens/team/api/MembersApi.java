package dev.worklens.team.api;

import dev.worklens.system.web.ApiException;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.LoginChecks;
import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.MemberTimeZone;
import dev.worklens.team.OldLoginOffer;
import dev.worklens.team.Operator;
import dev.worklens.team.OperatorScope;
import dev.worklens.team.Roster;
import dev.worklens.team.WorkspaceDirectory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MembersApi {

    private static final Set<String> EDITABLE = Set.of("display_name", "real_name", "email", "github_login", "tz");
    private static final int MAX_IMPORT = 1000;

    private final Roster roster;
    private final CurrentOperator current;
    private final ObjectProvider<WorkspaceDirectory> directory;
    private final LoginChecks logins;
    private final OperatorScope scope;

    MembersApi(
            Roster roster,
            CurrentOperator current,
            ObjectProvider<WorkspaceDirectory> directory,
            LoginChecks logins,
            OperatorScope scope) {
        this.scope = scope;
        this.roster = roster;
        this.current = current;
        this.directory = directory;
        this.logins = logins;
    }

    @GetMapping("/api/members")
    List<MemberJson> members(@RequestParam(required = false) String operator) {
        return roster.members(current.forApi(operator).id()).stream()
                .map(MemberJson::of)
                .toList();
    }

    record CreateMembers(
            String operator,
            List<String> slackUserIds,
            String slackUserId,
            String displayName,
            String realName,
            String email,
            String githubLogin) {}

    @PostMapping("/api/members")
    ResponseEntity<List<MemberJson>> create(@RequestBody CreateMembers body) {
        Operator operator = current.forApi(body.operator());
        List<Roster.Added> added;
        if (body.slackUserIds() != null) {
            added = importFromWorkspace(operator, body.slackUserIds());
        } else {
            var fields = new MemberFields(
                    body.slackUserId(), body.displayName(), body.realName(), body.email(), body.githubLogin());
            List<String> problems = fields.problems(true);
            if (!problems.isEmpty()) {
                throw ApiException.invalid("member", String.join(" ", problems));
            }
            LoginChecks.CheckedLogin login = checked(fields.githubLogin());
            var one = roster.add(operator.id(), fields.withGithubLogin(login.login()));
            if (one.created()) {
                roster.recordLoginCheck(one.member().id(), login.checked());
            }
            added = List.of(one);
        }
        boolean anyCreated = added.stream().anyMatch(Roster.Added::created);
        return ResponseEntity.status(anyCreated ? HttpStatus.CREATED : HttpStatus.OK)
                .body(added.stream().map(a -> MemberJson.of(a.member())).toList());
    }

    private List<Roster.Added> importFromWorkspace(Operator operator, List<String> ids) {
        if (ids.isEmpty()) {
            throw ApiException.invalid("slack_user_ids", "slack_user_ids is empty: name at least one person.");
        }
        if (ids.size() > MAX_IMPORT) {
            throw ApiException.invalid("slack_user_ids", "At most " + MAX_IMPORT + " people can be added at once.");
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : ids) {
            var problems = new MemberFields(id, "x", null, null, null).problems(false);
            if (id == null || !problems.isEmpty()) {
                throw ApiException.invalid("slack_user_ids", "'" + id + "' is not a Slack user id such as U012AB3CD.");
            }
            wanted.add(id.strip());
        }
        WorkspaceDirectory dir = directory.getIfAvailable();
        if (dir == null) {
            throw new ApiException(HttpStatus.CONFLICT, "slack_unavailable", "Slack is not connected on this server.");
        }
        List<WorkspaceDirectory.WorkspacePerson> people;
        try {
            people = dir.people(operator);
        } catch (WorkspaceDirectory.DirectoryUnavailableException e) {
            throw new ApiException(HttpStatus.CONFLICT, "slack_unavailable", e.getMessage());
        }
        List<WorkspaceDirectory.WorkspacePerson> chosen = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (var person : people) {
            if (wanted.contains(person.slackUserId())) {
                chosen.add(person);
                found.add(person.slackUserId());
            }
        }
        List<String> missing = wanted.stream().filter(id -> !found.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.invalid(
                    "slack_user_ids",
                    "Not people of this workspace (or bots/deactivated): " + String.join(", ", missing)
                            + ". GET /api/slack/users lists who can be added.");
        }
        return roster.importPeople(operator.id(), chosen);
    }

    @PatchMapping("/api/members/{id}")
    MemberJson update(
            @PathVariable long id,
            @RequestParam(required = false) String operator,
            @RequestBody Map<String, Object> body,
            jakarta.servlet.http.HttpServletResponse response) {
        Member member = scope.memberForApi(operator, id);
        List<String> cleared = new ArrayList<>();
        for (var entry : body.entrySet()) {
            if (!EDITABLE.contains(entry.getKey())) {
                throw ApiException.invalid(
                        "body", "'" + entry.getKey() + "' cannot be changed; editable fields are " + EDITABLE + ".");
            }
            if (entry.getValue() != null && !(entry.getValue() instanceof String)) {
                throw ApiException.invalid("body", "'" + entry.getKey() + "' must be a string or null.");
            }
            if (entry.getValue() == null || ((String) entry.getValue()).isBlank()) {
                cleared.add(entry.getKey());
            }
        }
        String tz = timeZone(body);
        if (cleared.contains("display_name")) {
            throw ApiException.invalid("display_name", "Display name cannot be empty.");
        }
        var fields = new MemberFields(
                null,
                (String) body.get("display_name"),
                (String) body.get("real_name"),
                (String) body.get("email"),
                (String) body.get("github_login"));
        List<String> problems = fields.problems(false);
        if (!problems.isEmpty()) {
            throw ApiException.invalid("member", String.join(" ", problems));
        }
        LoginChecks.CheckedLogin login = null;
        if (fields.githubLogin() != null && !fields.githubLogin().equals(member.githubLogin())) {
            login = checked(fields.githubLogin());
            fields = fields.withGithubLogin(login.login());
        }
        Member saved = roster.update(member, fields, cleared);
        if (login != null) {
            roster.recordLoginCheck(saved.id(), login.checked());
        }
        if (body.containsKey("tz")) {
            saved = roster.setTimeZone(saved, tz);
        }
        long savedId = saved.id();
        OldLoginOffer.replaced(member.githubLogin(), saved.githubLogin())
                .ifPresent(old -> response.addHeader(
                        "Link", "<" + OldLoginOffer.previewPath(savedId) + ">; rel=\"cleanup-old-logins\""));
        return MemberJson.of(saved);
    }

    /** Checked before anything is stored, so a bad zone leaves the whole PATCH undone. */
    private static String timeZone(Map<String, Object> body) {
        String tz = (String) body.get("tz");
        MemberTimeZone.problem(tz).ifPresent(p -> {
            throw ApiException.invalid("tz", p);
        });
        return tz;
    }

    /** An unknown login is refused with 422, the status GitHub itself uses for a login it cannot find. */
    private LoginChecks.CheckedLogin checked(String login) {
        try {
            return logins.check(login);
        } catch (LoginChecks.UnknownLogin e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "unknown_github_login", e.getMessage());
        }
    }

    @DeleteMapping("/api/members/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) String operator) {
        Member member = scope.memberForApi(operator, id);
        if (member.isOperator()) {
            throw ApiException.conflict("The operator's own member row stays on the roster; remove others only.");
        }
        roster.remove(member);
        return ResponseEntity.noContent().build();
    }
}
