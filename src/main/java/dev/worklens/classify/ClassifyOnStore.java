package dev.worklens.classify;

import dev.worklens.activity.WorkUnitsStored;
import dev.worklens.team.MemberRemoved;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Classifies after every store: offline labels at once in the storing thread, once the units are
 * committed, and Claude on one background worker. Members waiting for Claude are coalesced into a
 * set, so a sync storing page after page queues at most one pass per member, and neither the
 * sync nor a report ever waits for Claude.
 */
@Component
class ClassifyOnStore implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClassifyOnStore.class);

    private final WorkClassification classification;
    private final PendingUnits units;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "worklens-claude-classify");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();

    ClassifyOnStore(WorkClassification classification, PendingUnits units) {
        this.classification = classification;
        this.units = units;
    }

    // after the units commit, in a transaction of its own; without @EnableAsync it runs in the
    // storing thread, which keeps offline labels there as before
    @ApplicationModuleListener
    void unitsStored(WorkUnitsStored event) {
        try {
            classification.labelChanged(event.memberIds());
        } catch (RuntimeException e) {
            // the units are stored; the next store or pass labels them
            log.warn("Offline classification failed: {}", e.getClass().getSimpleName());
        }
        if (classification.claudeActive()) {
            waiting.addAll(event.memberIds());
            wake();
        }
    }

    /**
     * A member left the roster: Claude is no longer spent on their units. Their data stays until
     * an operator's cleanup, as the roster promises.
     */
    @ApplicationModuleListener
    void memberRemoved(MemberRemoved event) {
        waiting.remove(event.memberId());
    }

    /**
     * Units left waiting for Claude by an earlier run (stopped, or Claude was down) are picked up;
     * the look-up scans the units, so it runs on the worker, not in the thread starting the app.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        if (!classification.claudeActive()) {
            return;
        }
        worker.execute(() -> {
            try {
                waiting.addAll(units.membersAwaitingClaude(ClaudeClassifier.PROMPT_VERSION));
            } catch (RuntimeException e) {
                log.warn(
                        "Could not look for units waiting for Claude: {}",
                        e.getClass().getSimpleName());
            }
            wake();
        });
    }

    /** True when no Claude pass is queued or running. */
    boolean idle() {
        return !running.get() && waiting.isEmpty();
    }

    private void wake() {
        if (!waiting.isEmpty() && running.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RuntimeException e) {
                running.set(false);
            }
        }
    }

    private void drain() {
        try {
            while (!waiting.isEmpty()) {
                List<Long> members = new ArrayList<>(waiting);
                waiting.removeAll(members);
                try {
                    classification.labelWithClaude(members);
                } catch (RuntimeException e) {
                    log.warn(
                            "Claude classification pass failed: {}",
                            e.getClass().getSimpleName());
                }
            }
        } finally {
            running.set(false);
        }
        wake();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
