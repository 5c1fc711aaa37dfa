package dev.worklens.slack.api;

import dev.worklens.slack.client.SlackApiError;
import dev.worklens.slack.ingest.IgnoredChannelCleanup;
import dev.worklens.slack.ingest.SlackPeople;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.Operator;
import dev.worklens.team.OperatorScope;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class SlackApi {

    private final CurrentOperator current;
    private final SlackPeople people;
    private final IgnoredChannelCleanup cleanup;
    private final OperatorScope scope;

    SlackApi(CurrentOperator current, SlackPeople people, IgnoredChannelCleanup cleanup, OperatorScope scope) {
        this.scope = scope;
        this.current = current;
        this.people = people;
        this.cleanup = cleanup;
    }

    record PersonJson(String slackUserId, String displayName, String realName, String email) {}

    /** {@code workspace: true} lets an admin clean every stored channel, not only their own. */
    record CleanupRequest(String operator, Boolean dryRun, Boolean workspace) {}

    record CleanupJson(List<String> channels, long messages, long workUnits, boolean dryRun) {}

    @GetMapping("/slack/users")
    List<PersonJson> users(@RequestParam(required = false) String operator) {
        Operator op = current.forApi(operator);
        try {
            return people.humans(op).stream()
                    .map(p -> new PersonJson(p.id(), p.displayName(), p.realName(), p.email()))
                    .toList();
        } catch (SlackApiError e) {
            throw asApiError(e);
        }
    }

    @PostMapping("/cleanup/ignored-channels")
    CleanupJson ignoredChannels(@RequestBody(required = false) CleanupRequest request) {
        CleanupRequest body = request == null ? new CleanupRequest(null, null, null) : request;
        Operator op = current.forApi(body.operator());
        // without an explicit dry_run=false nothing is deleted
        boolean dryRun = body.dryRun() == null || body.dryRun();
        boolean workspaceWide = Boolean.TRUE.equals(body.workspace());
        if (workspaceWide) {
            scope.requireAdmin(op, "clean up ignored channels workspace-wide");
        }
        var outcome = cleanup.run(op, workspaceWide, dryRun);
        return new CleanupJson(outcome.channels(), outcome.messages(), outcome.workUnits(), dryRun);
    }

    static ApiException asApiError(SlackApiError e) {
        return SlackErrors.asApiError(e);
    }
}
