package dev.worklens.team.api;

import dev.worklens.team.Operators;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OperatorsApi {

    private final Operators operators;

    OperatorsApi(Operators operators) {
        this.operators = operators;
    }

    record OperatorJson(String slackUserId, String name, String teamId, String teamName, Instant connectedAt) {}

    @GetMapping("/api/operators")
    List<OperatorJson> operators() {
        return operators.all().stream()
                .map(o -> new OperatorJson(o.slackUserId(), o.name(), o.teamId(), o.teamName(), o.connectedAt()))
                .toList();
    }
}
