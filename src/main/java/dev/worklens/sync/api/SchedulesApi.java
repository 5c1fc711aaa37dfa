package dev.worklens.sync.api;

import dev.worklens.sync.schedule.ScheduleDispatcher;
import dev.worklens.sync.schedule.ScheduleForm;
import dev.worklens.sync.schedule.Schedules;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.CurrentOperator;
import dev.worklens.team.Operator;
import dev.worklens.team.OperatorScope;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SchedulesApi {

    private final Schedules schedules;
    private final ScheduleForm form;
    private final ScheduleDispatcher dispatcher;
    private final CurrentOperator current;
    private final OperatorScope scope;

    SchedulesApi(
            Schedules schedules,
            ScheduleForm form,
            ScheduleDispatcher dispatcher,
            CurrentOperator current,
            OperatorScope scope) {
        this.scope = scope;
        this.schedules = schedules;
        this.form = form;
        this.dispatcher = dispatcher;
        this.current = current;
    }

    record NewSchedule(
            String operator,
            Object members,
            Object sources,
            String githubMode,
            List<String> days,
            String time,
            String timezone,
            Integer rangeDays) {}

    @GetMapping("/api/schedules")
    List<ScheduleJson> list(@RequestParam(required = false) String operator) {
        return schedules.of(current.forApi(operator).id()).stream()
                .map(ScheduleJson::of)
                .toList();
    }

    @PostMapping("/api/schedules")
    ResponseEntity<ScheduleJson> create(@RequestBody NewSchedule body) {
        Operator operator = current.forApi(body.operator());
        var created = form.create(
                operator,
                body.members(),
                body.sources(),
                body.githubMode(),
                body.days(),
                body.time(),
                body.timezone(),
                body.rangeDays());
        return ResponseEntity.status(HttpStatus.CREATED).body(ScheduleJson.of(created));
    }

    @DeleteMapping("/api/schedules/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) String operator) {
        boolean reachable = schedules
                .find(id)
                .filter(s -> scope.apiMayActFor(operator, s.operatorId()))
                .isPresent();
        if (!reachable || !schedules.delete(id)) {
            throw ApiException.notFound("Schedule " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/schedules/dispatch")
    Map<String, Object> dispatch() {
        var dispatched = dispatcher.dispatchDue();
        return Map.of("started", dispatched.started(), "errors", dispatched.errors());
    }
}
