package dev.worklens.github;

import dev.worklens.github.client.GitHubApiException;
import dev.worklens.github.client.GitHubApiException.Problem;
import dev.worklens.github.client.GitHubClient;
import dev.worklens.github.client.GitHubClients;
import dev.worklens.github.ingest.ActiveRepositories;
import dev.worklens.github.ingest.GitHubRows;
import dev.worklens.github.ingest.OverviewCollector;
import dev.worklens.github.ingest.RepositoryCollector;
import dev.worklens.github.ingest.TaskProgress;
import dev.worklens.github.ingest.WorkUnitConversion;
import dev.worklens.sync.Source;
import dev.worklens.sync.SourceRun;
import dev.worklens.sync.SourceTask;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * GitHub as a sync source. Overview mode goes member by member (each has their own queries);
 * per-repository mode reads each repository where a member was active once for all members and
 * attributes afterwards.
 */
@Component
public class GitHubSource implements Source {

    private static final Logger log = LoggerFactory.getLogger(GitHubSource.class);
    /** GitHub logins: letters, digits and single hyphens, up to 39 characters. */
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");

    private final GitHubClients clients;
    private final OverviewCollector overview;
    private final RepositoryCollector repositories;
    private final WorkUnitConversion conversion;
    private final GitHubSyncNotes notes;
    private final Clock clock;
    private final ActiveRepositories active = new ActiveRepositories();

    GitHubSource(
            GitHubClients clients,
            OverviewCollector overview,
            RepositoryCollector repositories,
            WorkUnitConversion conversion,
            GitHubSyncNotes notes,
            Clock clock) {
        this.clients = clients;
        this.overview = overview;
        this.repositories = repositories;
        this.conversion = conversion;
        this.notes = notes;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "github";
    }

    @Override
    public void run(SourceRun run) {
        if (!clients.tokenConfigured()) {
            run.tasks().forEach(t -> t.skip("GitHub is not connected: the server has no GITHUB_PAT"));
            return;
        }
        List<SourceTask> tasks =
                run.tasks().stream().filter(this::hasUsableLogin).toList();
        if (tasks.isEmpty()) {
            return;
        }
        GitHubClient client = clients.open(run::checkCancelled);
        Instant readAt = clock.instant();
        try {
            if ("repos".equals(run.githubMode())) {
                perRepository(run, client, tasks, readAt);
            } else {
                for (SourceTask task : tasks) {
                    run.checkCancelled();
                    overview(run, client, task, readAt);
                }
            }
        } catch (GitHubApiException e) {
            if (e.problem() != Problem.BAD_TOKEN) {
                throw e;
            }
            tasks.stream().filter(t -> !t.finished()).forEach(t -> t.fail(e.getMessage()));
        }
    }

    private boolean hasUsableLogin(SourceTask task) {
        var member = task.member();
        if (!member.hasGithubLogin()) {
            task.skip("No GitHub login for " + member.displayName() + ": add it on the Team page");
            return false;
        }
        if (!LOGIN.matcher(member.githubLogin().strip()).matches()) {
            task.fail("'" + member.githubLogin() + "' is not a GitHub login: fix it on the Team page");
            return false;
        }
        return true;
    }

    private void overview(SourceRun run, GitHubClient client, SourceTask task, Instant readAt) {
        String login = task.member().githubLogin().strip();
        var range = run.range();
        try {
            var result = overview.collect(
                    client, login, range.start(), range.endExclusive(), readAt, new TaskProgress(task, 0));
            int units =
                    conversion.overview(task.member().id(), GitHubRows.key(login), range.start(), range.endExclusive());
            log.info(
                    "GitHub overview for member {}: {} work units",
                    task.member().id(),
                    units);
            if (!result.hiddenOrganizations().isEmpty()) {
                // what was visible is stored; the task still fails, so the gap is not silent
                task.fail("GitHub hid results from organisations with SAML single sign-on that the token is not"
                        + " authorised for (organisation ids " + String.join(", ", result.hiddenOrganizations())
                        + "): authorise the token for them under GitHub Settings > Developer settings > Personal"
                        + " access tokens > Configure SSO");
            }
        } catch (GitHubApiException e) {
            switch (e.problem()) {
                case BAD_TOKEN -> throw e;
                case UNPROCESSABLE ->
                    task.fail("GitHub login '" + login + "' does not exist (or the token cannot see it)");
                default -> task.fail(e.getMessage());
            }
        }
    }

    /**
     * Reads only the repositories where a member of the run was active in the range (found per
     * member, see {@link ActiveRepositories}), each once for the whole team. A member whose
     * repositories cannot be found fails alone; the others' repositories are read.
     */
    private void perRepository(SourceRun run, GitHubClient client, List<SourceTask> tasks, Instant readAt) {
        var range = run.range();
        // discovery is at least two calls a member; the repositories add one step each, then one
        tasks.forEach(t -> t.total(3));
        Set<String> names = new TreeSet<>();
        Map<Long, Integer> calls = new HashMap<>();
        for (SourceTask task : tasks) {
            run.checkCancelled();
            var found = active.find(
                    client, task.member().githubLogin().strip(), range.start(), range.endExclusive(), () -> {
                        calls.merge(task.id(), 1, Integer::sum);
                        task.total(Math.max(3, calls.get(task.id()) + 1));
                        task.advance(1, 0);
                    });
            names.addAll(found.repositories());
            if (found.problem() != null) {
                task.fail(found.problem());
            }
        }
        List<SourceTask> open = tasks.stream().filter(t -> !t.finished()).toList();
        open.forEach(t -> t.total(calls.getOrDefault(t.id(), 0) + names.size() + 1));
        RepositoryCollector.Outcome outcome;
        try {
            outcome = repositories.collect(
                    client,
                    List.copyOf(names),
                    range.start(),
                    range.endExclusive(),
                    readAt,
                    repo -> open.forEach(t -> t.advance(1, 0)));
        } catch (GitHubApiException e) {
            if (e.problem() == Problem.BAD_TOKEN) {
                throw e;
            }
            open.forEach(t -> t.fail(e.getMessage()));
            return;
        }
        notes.record(run.operator().id(), run.jobId(), outcome);
        for (SourceTask task : open) {
            String key = GitHubRows.key(task.member().githubLogin());
            int units = conversion.repositories(task.member().id(), key, range.start(), range.endExclusive());
            task.advance(1, units);
            if (!outcome.unreadable().isEmpty()) {
                task.fail(unreadable(names.size(), outcome.unreadable()));
            }
        }
    }

    /** Names the refused repositories, the first few with GitHub's words, short enough for a task row. */
    static String unreadable(int total, java.util.Map<String, String> refused) {
        var shown = refused.entrySet().stream()
                .limit(3)
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .toList();
        String more = refused.size() > 3 ? "; and " + (refused.size() - 3) + " more" : "";
        String text = "Read " + (total - refused.size()) + " of " + total + " repositories; GitHub refused "
                + String.join("; ", shown) + more;
        return text.length() <= 1500 ? text : text.substring(0, 1497) + "...";
    }
}
