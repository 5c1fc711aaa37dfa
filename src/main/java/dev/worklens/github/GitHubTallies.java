package dev.worklens.github;

import dev.worklens.github.ingest.DayTallies;
import org.springframework.stereotype.Component;

/**
 * The day tallies behind {@link PullRequestQueries#counts}. GitHub's own writes and deletions keep
 * them exact; rows put into GitHub's tables around the module (a bulk load, a restore, a test
 * fixture) need {@link #refreshAll} once, as V130 did for the rows stored before it.
 */
@Component
public class GitHubTallies {

    private final DayTallies tallies;

    GitHubTallies(DayTallies tallies) {
        this.tallies = tallies;
    }

    /** Recomputes every login's tallies from the stored rows; returns how many logins there were. */
    public int refreshAll() {
        return tallies.refreshAll();
    }
}
