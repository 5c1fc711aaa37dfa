package dev.worklens.sync.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engine timings (framework properties, not user settings). Progress is flushed every
 * {@code progressInterval}, so a task's advance shows within that time; a running job whose
 * heartbeat is older than {@code deadAfter} belongs to a process that is gone.
 */
@ConfigurationProperties("worklens.sync")
public record SyncProperties(
        @DefaultValue("250ms") Duration progressInterval,
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("30s") Duration deadAfter,
        @DefaultValue("30s") Duration scheduleCheckInterval,
        @DefaultValue("20s") Duration stopWait,
        @DefaultValue("8") int sourceThreads) {}
