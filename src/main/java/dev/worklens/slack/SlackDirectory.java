package dev.worklens.slack;

import dev.worklens.slack.client.SlackApiError;
import dev.worklens.slack.ingest.SlackPeople;
import dev.worklens.team.Operator;
import dev.worklens.team.WorkspaceDirectory;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The Team page's import and {@code POST /api/members} read the workspace through this. */
@Component
class SlackDirectory implements WorkspaceDirectory {

    private final SlackPeople people;

    SlackDirectory(SlackPeople people) {
        this.people = people;
    }

    @Override
    public List<WorkspacePerson> people(Operator operator) {
        try {
            return people.humans(operator).stream()
                    .map(p -> new WorkspacePerson(p.id(), p.displayName(), p.realName(), p.email(), p.tz()))
                    .sorted(Comparator.comparing((WorkspacePerson p) -> label(p).toLowerCase(java.util.Locale.ROOT)))
                    .toList();
        } catch (SlackApiError e) {
            throw new DirectoryUnavailableException(e.getMessage());
        }
    }

    private static String label(WorkspacePerson p) {
        if (p.displayName() != null) return p.displayName();
        return p.realName() != null ? p.realName() : p.slackUserId();
    }
}
