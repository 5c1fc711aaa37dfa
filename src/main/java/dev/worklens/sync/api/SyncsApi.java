package dev.worklens.sync.api;

import dev.worklens.sync.SyncState;
import dev.worklens.sync.engine.JobView;
import dev.worklens.sync.engine.SyncJobs;
import dev.worklens.sync.engine.SyncRequests;
import dev.worklens.sync.engine.SyncStarter;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.Operator;
import dev.worklens.team.OperatorScope;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SyncsApi {

    static final int MAX_LIMIT = 200;

    private final SyncJobs jobs;
    private final SyncRequests requests;
    private final SyncStarter starter;
    private final CurrentOperator current;
    private final OperatorScope scope;

    SyncsApi(SyncJobs jobs, SyncRequests requests, SyncStarter starter, CurrentOperator current, OperatorScope scope) {
        this.scope = scope;
        this.jobs = jobs;
        this.requests = requests;
        this.starter = starter;
        this.current = current;
    }

    /** {@code members} and {@code sources} stay untyped so a wrong shape gets a message, not a parse error. */
    record StartSync(String operator, Object members, Object sources, String from, String to, String githubMode) {}

    @PostMapping("/api/syncs")
    ResponseEntity<Map<String, Object>> start(@RequestBody StartSync body) {
        Operator operator = current.forApi(body.operator());
        var request =
                requests.request(operator, body.members(), body.sources(), body.from(), body.to(), body.githubMode());
        long id = starter.start(request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id, "state", SyncState.QUEUED.code()));
    }

    @GetMapping("/api/syncs/{id}")
    SyncJson job(@PathVariable long id, @RequestParam(required = false) String operator) {
        return SyncJson.of(find(id, operator));
    }

    @GetMapping("/api/syncs")
    List<SyncJson> recent(
            @RequestParam(required = false) String operator, @RequestParam(required = false) Integer limit) {
        int n = limit == null ? 20 : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw ApiException.invalid("limit", "'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
        return jobs.recent(current.forApi(operator).id(), n).stream()
                .map(SyncJson::of)
                .toList();
    }

    @PostMapping("/api/syncs/{id}/cancel")
    ResponseEntity<Map<String, Object>> cancel(@PathVariable long id, @RequestParam(required = false) String operator) {
        JobView job = find(id, operator);
        if (!job.open()) {
            throw ApiException.conflict(
                    "Sync " + id + " already ended (" + job.state().code() + "); there is nothing to cancel.");
        }
        jobs.requestCancel(id);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("id", id, "state", find(id, operator).state().code(), "cancel_requested", true));
    }

    /** A job of the operator the call names (or of anyone, for an admin); else 404 as for no job. */
    private JobView find(long id, String operator) {
        return jobs.job(id)
                .filter(j -> scope.apiMayActFor(operator, j.operatorId()))
                .orElseThrow(() -> ApiException.notFound("Sync " + id));
    }
}
