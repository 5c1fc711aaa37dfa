package dev.worklens.slack.ingest;

import dev.worklens.activity.WorkUnitDraft;
import dev.worklens.activity.WorkUnits;
import dev.worklens.slack.ingest.SlackStore.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Converts a channel's stored messages in the range into work units, page by page from the
 * database, so it never calls Slack and can run again over what was collected before (a member
 * added after the last sync gets their units without re-reading Slack).
 */
@Component
public class ChannelConverter {

    static final int PAGE = 1000;

    private final SlackStore store;
    private final WorkUnits workUnits;
    private final LeftChannels leftChannels;

    ChannelConverter(SlackStore store, WorkUnits workUnits, LeftChannels leftChannels) {
        this.store = store;
        this.workUnits = workUnits;
        this.leftChannels = leftChannels;
    }

    /** Units stored per member id. */
    public Map<Long, Integer> convert(Attribution attribution, Attribution.Context ctx, Instant from, Instant to) {
        return converted(attribution, ctx, from, to, workUnits::store).units();
    }

    /**
     * What one conversion read and stored.
     *
     * @param readNanos reading the stored messages, their raw payloads parsed
     * @param writeNanos storing the units, or handing them on to be stored
     */
    public record Converted(Map<Long, Integer> units, long messages, long readNanos, long writeNanos) {}

    /**
     * @param storePage stores a page of units: {@link WorkUnits#store} announces each page to
     *     classification; a caller converting many channels in one go stores quietly and announces
     *     once at the end instead ({@link WorkUnits#announce})
     */
    public Converted converted(
            Attribution attribution,
            Attribution.Context ctx,
            Instant from,
            Instant to,
            Consumer<List<WorkUnitDraft>> storePage) {
        return converted(attribution, ctx, removedFrom(ctx), from, to, storePage);
    }

    /**
     * Members whose data from the channel a cleanup removed after they left it: read once by a
     * caller converting one channel's range in several parts.
     */
    Map<Long, Instant> removedFrom(Attribution.Context ctx) {
        return leftChannels.of(ctx.teamId(), ctx.channelId());
    }

    /** @param removed what {@link #removedFrom} gives for the channel */
    Converted converted(
            Attribution attribution,
            Attribution.Context ctx,
            Map<Long, Instant> removed,
            Instant from,
            Instant to,
            Consumer<List<WorkUnitDraft>> storePage) {
        Map<Long, Integer> stored = new HashMap<>();
        long messages = 0;
        long readNanos = 0;
        long writeNanos = 0;
        String after = "";
        while (true) {
            long reading = System.nanoTime();
            List<StoredMessage> page = store.messages(ctx.teamId(), ctx.channelId(), from, to, after, PAGE);
            readNanos += System.nanoTime() - reading;
            List<WorkUnitDraft> all = new ArrayList<>();
            for (StoredMessage m : page) {
                all.addAll(attribution.units(m, ctx));
                after = m.ts();
            }
            List<WorkUnitDraft> drafts = LeftChannels.kept(all, removed);
            messages += page.size();
            long writing = System.nanoTime();
            storePage.accept(drafts);
            writeNanos += System.nanoTime() - writing;
            drafts.forEach(d -> stored.merge(d.memberId(), 1, Integer::sum));
            if (page.size() < PAGE) {
                return new Converted(stored, messages, readNanos, writeNanos);
            }
        }
    }
}
