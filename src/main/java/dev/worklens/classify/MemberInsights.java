package dev.worklens.classify;

import dev.worklens.activity.MemberUnits;
import dev.worklens.classify.claude.ClaudeMessages;
import dev.worklens.classify.claude.ClaudeUnavailable;
import dev.worklens.github.PullRequests;
import dev.worklens.team.Member;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Insights for a member over an inclusive range of dates in a time zone. The report module calls
 * this; it never fails because of the AI (a failure falls back to the computed summary).
 *
 * <p>With Claude active, stored insights are reused while the units they were written from are
 * unchanged. Otherwise Claude writes new ones on a background thread; the report waits for them
 * at most {@code worklens.classify.insights-wait} and shows the computed summary if they are not
 * ready, and the stored result serves the next report.
 */
@Component
public class MemberInsights implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MemberInsights.class);

    private final ActivityFactsQuery facts;
    private final StoredInsights stored;
    private final ClaudeMessages claude;
    private final Clock clock;
    private final Duration wait;
    private final ThreadPoolExecutor writer =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16), task -> {
                Thread thread = new Thread(task, "worklens-claude-insights");
                thread.setDaemon(true);
                return thread;
            });
    private final Map<String, CompletableFuture<Optional<Insights>>> writing = new ConcurrentHashMap<>();

    MemberInsights(
            ActivityFactsQuery facts,
            StoredInsights stored,
            ClaudeMessages claude,
            Clock clock,
            @Value("${worklens.classify.insights-wait:8s}") Duration wait) {
        this.facts = facts;
        this.stored = stored;
        this.claude = claude;
        this.clock = clock;
        this.wait = wait;
    }

    public Insights insights(Member member, LocalDate from, LocalDate to, ZoneId zone) {
        return insights(member, facts.facts(member, from, to, zone));
    }

    /**
     * As {@link #insights(Member, LocalDate, LocalDate, ZoneId)} from the member's units and
     * pull-request groups in the range as the report has already read them ({@link
     * MemberUnits#counted}, {@code PullRequestQueries.groups} over the same instants), so neither is
     * read twice.
     */
    public Insights insights(
            Member member,
            LocalDate from,
            LocalDate to,
            ZoneId zone,
            List<MemberUnits.Counted> units,
            PullRequests pullRequests) {
        return insights(member, facts.facts(member, from, to, zone, units, pullRequests));
    }

    private Insights insights(Member member, ActivityFacts numbers) {
        Insights computed = ComputedInsights.from(numbers);
        if (!claude.active() || numbers.total() == 0) {
            return computed;
        }
        try {
            ActivityFacts hashed = numbers.unitsHash() != null ? numbers : facts.withUnitsHash(member, numbers);
            return fromClaude(member, hashed).orElse(computed);
        } catch (RuntimeException e) {
            log.warn(
                    "Claude insights failed, computed summary shown: {}",
                    e.getClass().getSimpleName());
            return computed;
        }
    }

    /**
     * "Refresh with Claude": writes the member's insights for the range again now, whatever is
     * stored. Empty when Claude is off or gave no usable answer; the stored ones then stay.
     */
    public Optional<Insights> refresh(Member member, LocalDate from, LocalDate to, ZoneId zone) {
        if (!claude.active()) {
            return Optional.empty();
        }
        ActivityFacts numbers = facts.facts(member, from, to, zone);
        return numbers.total() == 0 ? Optional.empty() : write(member, numbers);
    }

    private Optional<Insights> fromClaude(Member member, ActivityFacts numbers) {
        Optional<StoredInsights.Stored> previous = stored.find(member.id(), numbers.from(), numbers.to());
        if (previous.isPresent()
                && previous.get().unitsHash().equals(numbers.unitsHash())
                && previous.get().promptVersion().equals(InsightsTool.PROMPT_VERSION)
                && previous.get().insights().generator().equals(claude.model())) {
            return Optional.of(previous.get().insights());
        }
        String key = member.id() + "|" + numbers.from() + "|" + numbers.to() + "|" + numbers.unitsHash();
        CompletableFuture<Optional<Insights>> job;
        try {
            job = writing.computeIfAbsent(
                    key,
                    k -> CompletableFuture.supplyAsync(() -> write(member, numbers), writer)
                            .whenComplete((result, error) -> writing.remove(k)));
        } catch (RuntimeException rejected) {
            // the queue is full: this report shows the computed summary
            return Optional.empty();
        }
        try {
            return job.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private Optional<Insights> write(Member member, ActivityFacts numbers) {
        try {
            var items = facts.items(member, numbers.from(), numbers.to(), numbers.zone(), InsightsTool.MAX_ITEMS);
            var input = claude.call(InsightsTool.request(numbers, items));
            Optional<Insights> insights = InsightsTool.read(input, claude.model());
            if (insights.isEmpty()) {
                log.warn("Claude's insights did not match the schema; computed summary shown");
                return Optional.empty();
            }
            stored.save(
                    member.id(), numbers.from(), numbers.to(), numbers.unitsHash(), insights.get(), clock.instant());
            return insights;
        } catch (ClaudeUnavailable e) {
            log.warn("Claude insights unavailable, computed summary shown: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void destroy() {
        writer.shutdownNow();
    }
}
