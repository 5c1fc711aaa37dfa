package dev.worklens.sync.engine;

import dev.worklens.sync.SyncRange;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import java.util.List;

/** A validated request for a sync: who, which sources, which dates. */
public record JobRequest(
        Operator operator,
        String membersSpec,
        List<Member> members,
        List<String> sources,
        SyncRange range,
        String githubMode,
        Long scheduleId) {

    public JobRequest {
        members = List.copyOf(members);
        sources = List.copyOf(sources);
    }
}
