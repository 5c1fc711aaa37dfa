package dev.worklens.classify;

import dev.worklens.activity.UnitLabels;
import dev.worklens.classify.claude.ClaudeMessages;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Classifies members' work units: offline labels first (cheap, so a report right after a sync has
 * categories), then Claude for what is waiting for it. Claude labels are cached by content hash
 * and prompt version, so the same text, for any member, is sent once.
 */
@Service
public class WorkClassification {

    static final int PAGE = 400;

    /**
     * What one pass did.
     *
     * @param labelledOffline units given an offline label
     * @param labelledByClaude units given a label Claude made in this pass
     * @param fromCache units given a stored Claude label without a request
     * @param sentToClaude distinct texts sent to Claude
     * @param claudeRequests Messages API requests, retries included
     */
    public record Outcome(
            int labelledOffline, int labelledByClaude, int fromCache, int sentToClaude, long claudeRequests) {

        static final Outcome NONE = new Outcome(0, 0, 0, 0, 0);

        Outcome plus(Outcome other) {
            return new Outcome(
                    labelledOffline + other.labelledOffline,
                    labelledByClaude + other.labelledByClaude,
                    fromCache + other.fromCache,
                    sentToClaude + other.sentToClaude,
                    claudeRequests + other.claudeRequests);
        }
    }

    private final PendingUnits units;
    private final OfflineClassifier offline;
    private final ClaudeClassifier claude;
    private final ClaudeMessages messages;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    // one Claude pass at a time, so the background worker and a synchronous caller never send the
    // same units twice
    private final ReentrantLock claudeTurn = new ReentrantLock();

    WorkClassification(
            PendingUnits units,
            OfflineClassifier offline,
            ClaudeClassifier claude,
            ClaudeMessages messages,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.units = units;
        this.offline = offline;
        this.claude = claude;
        this.messages = messages;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public boolean claudeActive() {
        return messages.active();
    }

    /** Labels everything pending for these members and waits for Claude; the demo loader and tests use it. */
    public Outcome classifyPending(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Outcome.NONE;
        }
        Outcome outcome = labelChanged(memberIds);
        return claudeActive() ? outcome.plus(labelWithClaude(memberIds)) : outcome;
    }

    /** Gives every unit whose text changed a label now: a stored Claude label for its text, else offline. */
    Outcome labelChanged(Collection<Long> memberIds) {
        Outcome total = Outcome.NONE;
        long after = 0;
        while (true) {
            long from = after;
            PageDone page = ownTransaction.execute(status -> labelChangedPage(memberIds, from));
            if (page == null) {
                return total;
            }
            total = total.plus(page.outcome());
            after = page.lastId();
        }
    }

    private record PageDone(Outcome outcome, long lastId) {}

    private PageDone labelChangedPage(Collection<Long> memberIds, long after) {
        List<UnitLabels.Text> page = units.changed(memberIds, after, PAGE);
        if (page.isEmpty()) {
            return null;
        }
        Map<String, Label> cached = cachedClaudeLabels(page);
        Map<String, Label> labels = labels(page, cached);
        int offlineCount = (int)
                page.stream().filter(u -> !cached.containsKey(u.contentHash())).count();
        units.apply(page, labels);
        return new PageDone(
                new Outcome(offlineCount, 0, page.size() - offlineCount, 0, 0),
                page.get(page.size() - 1).id());
    }

    /**
     * The labels {@link #labelChanged} would give these texts now, by content hash: for a store
     * that writes a unit with its label ({@link LabelsBeforeStore}).
     */
    Map<String, Label> labelsFor(List<UnitLabels.Text> texts) {
        return labels(texts, cachedClaudeLabels(texts));
    }

    private Map<String, Label> cachedClaudeLabels(List<UnitLabels.Text> texts) {
        return claudeActive() ? units.cached(hashes(texts), claude.promptVersion()) : Map.of();
    }

    /** A stored Claude label for the text, else an offline one. */
    private Map<String, Label> labels(List<UnitLabels.Text> texts, Map<String, Label> cached) {
        Map<String, Label> labels = new LinkedHashMap<>(cached);
        // the offline label reads no role, so a message's units (the author's, a mention, the
        // operator's channel unit) differ in hash but share it: the keyword rules run once for them
        Map<List<Object>, Label> sameText = new HashMap<>();
        for (UnitLabels.Text unit : texts) {
            if (!labels.containsKey(unit.contentHash())) {
                List<Object> text = Arrays.asList(
                        unit.source(), unit.kind(), unit.title(), unit.body(), unit.channel(), unit.repo());
                labels.put(unit.contentHash(), sameText.computeIfAbsent(text, t -> offline.label(unit)));
            }
        }
        return labels;
    }

    /** Sends what waits for Claude, page by page; a failed batch keeps its offline labels. */
    Outcome labelWithClaude(Collection<Long> memberIds) {
        claudeTurn.lock();
        try {
            long requestsBefore = messages.requests();
            Outcome total = Outcome.NONE;
            long after = 0;
            while (true) {
                List<UnitLabels.Text> page = units.awaitingClaude(memberIds, claude.promptVersion(), after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                after = page.get(page.size() - 1).id();
                total = total.plus(claudePage(page));
            }
            return total.plus(new Outcome(0, 0, 0, 0, messages.requests() - requestsBefore));
        } finally {
            claudeTurn.unlock();
        }
    }

    private Outcome claudePage(List<UnitLabels.Text> page) {
        Map<String, Label> cached = units.cached(hashes(page), claude.promptVersion());
        Map<String, UnitLabels.Text> misses = new LinkedHashMap<>();
        for (UnitLabels.Text unit : page) {
            if (!cached.containsKey(unit.contentHash())) {
                misses.putIfAbsent(unit.contentHash(), unit);
            }
        }
        Map<String, Label> fresh = misses.isEmpty() ? Map.of() : claude.classify(List.copyOf(misses.values()));
        Map<String, Label> labels = new LinkedHashMap<>(cached);
        labels.putAll(fresh);
        ownTransaction.executeWithoutResult(status -> {
            units.remember(fresh, clock.instant());
            units.apply(page, labels);
        });
        int fromCache = (int)
                page.stream().filter(u -> cached.containsKey(u.contentHash())).count();
        int byClaude = (int)
                page.stream().filter(u -> fresh.containsKey(u.contentHash())).count();
        return new Outcome(0, byClaude, fromCache, misses.size(), 0);
    }

    private static List<String> hashes(List<UnitLabels.Text> page) {
        return page.stream().map(UnitLabels.Text::contentHash).distinct().toList();
    }
}
