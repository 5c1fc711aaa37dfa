package dev.worklens.devtrack;

import dev.worklens.team.AccountCheck;
import dev.worklens.team.Operator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A Connect-page card that probes an outside account and keeps a good answer a few minutes; a
 * problem is asked again on the next view, so a fix shows at once. Notion and Google Sheets share
 * this shape and differ only in what "not set up" says and how they probe.
 */
abstract class CachedAccountCheck implements AccountCheck {

    static final Duration CACHE = Duration.ofMinutes(5);

    private final Clock clock;
    private volatile Instant goodAt;
    private volatile AccountStatus good;

    CachedAccountCheck(Clock clock) {
        this.clock = clock;
    }

    /** Whether the settings name an account at all; when not, {@link #notSetUp()} is shown. */
    abstract boolean configured();

    abstract AccountStatus notSetUp();

    /** One probe of the account, no waits. */
    abstract AccountStatus fresh();

    @Override
    public final AccountStatus check(Operator operator) {
        if (!configured()) {
            return notSetUp();
        }
        Instant now = clock.instant();
        AccountStatus cached = good;
        if (cached != null && goodAt.plus(CACHE).isAfter(now)) {
            return cached;
        }
        AccountStatus status = fresh();
        if (status.ok()) {
            goodAt = now;
            good = status;
        }
        return status;
    }
}
