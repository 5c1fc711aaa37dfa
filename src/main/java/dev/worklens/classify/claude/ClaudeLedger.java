package dev.worklens.classify.claude;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What Claude cost and whether it is blocked: tokens per call (from the answer's {@code usage}),
 * and the last failure a person must fix, kept until a call succeeds. Stored so that every
 * instance and every restart sees the same month and the same problem.
 */
public interface ClaudeLedger {

    void used(String model, long inputTokens, long outputTokens);

    /** Input plus output tokens of the current calendar month (UTC). */
    long tokensThisMonth();

    void blocked(Blocker blocker);

    /** A call succeeded: the problems of {@code kinds} (all when empty) are solved. */
    void cleared(Blocker.Kind... kinds);

    Optional<Blocker> blocker();

    /** A failure retrying cannot fix, in words that say who must do what. */
    record Blocker(Kind kind, String words, Instant since) {
        public enum Kind {
            KEY,
            CREDITS,
            MODEL,
            PERMISSION
        }
    }

    /** A ledger that forgets at exit, for a client used outside the application (tests, tools). */
    static ClaudeLedger inMemory(Clock clock) {
        return new ClaudeLedger() {
            private final AtomicLong tokens = new AtomicLong();
            private final AtomicReference<YearMonth> month = new AtomicReference<>(YearMonth.now(clock));
            private final AtomicReference<Blocker> blocker = new AtomicReference<>();

            @Override
            public void used(String model, long inputTokens, long outputTokens) {
                if (!month.get().equals(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
                    month.set(YearMonth.now(clock.withZone(ZoneOffset.UTC)));
                    tokens.set(0);
                }
                tokens.addAndGet(inputTokens + outputTokens);
            }

            @Override
            public long tokensThisMonth() {
                return month.get().equals(YearMonth.now(clock.withZone(ZoneOffset.UTC))) ? tokens.get() : 0;
            }

            @Override
            public void blocked(Blocker b) {
                blocker.set(b);
            }

            @Override
            public void cleared(Blocker.Kind... kinds) {
                blocker.updateAndGet(b ->
                        b == null || kinds.length == 0 || Arrays.asList(kinds).contains(b.kind()) ? null : b);
            }

            @Override
            public Optional<Blocker> blocker() {
                return Optional.ofNullable(blocker.get());
            }
        };
    }
}
