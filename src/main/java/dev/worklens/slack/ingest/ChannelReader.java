package dev.worklens.slack.ingest;

import dev.worklens.slack.client.SlackClient;
import dev.worklens.slack.client.SlackRecords.MessagePage;
import dev.worklens.slack.client.SlackSession;
import dev.worklens.slack.ingest.SlackStore.ChannelCursor;
import dev.worklens.slack.ingest.SlackStore.ThreadToRead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Collects one channel for a window, once for the whole team: the history the channel's cursor
 * does not cover yet (cursor-paged until {@code next_cursor} is empty), then the replies of every
 * thread whose replies may fall in the range and were not read up to its {@code latest_reply}.
 * One page is held in memory at a time.
 */
@Component
public class ChannelReader {

    private static final int THREAD_BATCH = 500;

    private final SlackClient client;
    private final SlackStore store;
    private final Clock clock;

    ChannelReader(SlackClient client, SlackStore store, Clock clock) {
        this.client = client;
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param windowStart where history is read from: the range start less the thread look-back,
     *     so replies in range to slightly older threads are found
     * @param rangeStart replies before it are not needed
     */
    public void read(SlackSession session, String channelId, Instant windowStart, Instant rangeStart, Instant end) {
        String team = session.teamId();
        Instant now = clock.instant();
        Instant readTo = end.isAfter(now) ? now : end;
        var cursor = store.cursor(team, channelId);
        String newest = cursor.map(ChannelCursor::newestTs).orElse(null);
        Instant coveredFrom;
        Instant coveredTo;
        if (cursor.isEmpty()) {
            newest = SlackTs.max(newest, readHistory(session, channelId, windowStart, end));
            coveredFrom = windowStart;
            coveredTo = readTo;
        } else {
            ChannelCursor c = cursor.get();
            coveredFrom = c.coveredFrom();
            coveredTo = c.coveredTo();
            if (windowStart.isBefore(coveredFrom)) {
                newest = SlackTs.max(newest, readHistory(session, channelId, windowStart, coveredFrom));
                coveredFrom = windowStart;
            }
            if (end.isAfter(coveredTo)) {
                // Slack shows a thread's new replies only on its parent (latest_reply), so the
                // look-back before the covered end is read again with the new part: late replies
                // to recent threads are found, usually within the same single history page
                Instant from = coveredTo.minus(Duration.between(windowStart, rangeStart));
                from = from.isBefore(coveredFrom) ? coveredFrom : from;
                newest = SlackTs.max(newest, readHistory(session, channelId, from, end));
                coveredTo = readTo.isAfter(coveredTo) ? readTo : coveredTo;
            }
        }
        store.saveCursor(team, channelId, new ChannelCursor(coveredFrom, coveredTo, newest));
        readThreads(session, channelId, windowStart, rangeStart, end);
    }

    private String readHistory(SlackSession session, String channelId, Instant from, Instant to) {
        String newest = null;
        String cursor = null;
        do {
            MessagePage page = client.history(session, channelId, SlackTs.of(from), SlackTs.of(to), cursor);
            newest = SlackTs.max(newest, store.saveMessages(session.teamId(), channelId, page.messages()));
            for (var m : page.messages()) {
                if (m.threadTs() != null && !m.threadTs().equals(m.ts())) {
                    store.threadMoved(session.teamId(), channelId, m.threadTs(), m.ts());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null); // the end is an empty next_cursor, never a short page
        return newest;
    }

    private void readThreads(
            SlackSession session, String channelId, Instant windowStart, Instant rangeStart, Instant end) {
        String after = "";
        while (true) {
            List<ThreadToRead> batch = store.threadsToRead(
                    session.teamId(),
                    channelId,
                    SlackTs.of(windowStart),
                    SlackTs.of(end),
                    SlackTs.of(rangeStart),
                    after,
                    THREAD_BATCH);
            for (ThreadToRead thread : batch) {
                readThread(session, channelId, thread);
                after = thread.ts();
            }
            if (batch.size() < THREAD_BATCH) {
                return;
            }
        }
    }

    private void readThread(SlackSession session, String channelId, ThreadToRead thread) {
        String readTo = SlackTs.max(thread.repliesReadTo(), thread.latestReply());
        String cursor = null;
        do {
            MessagePage page = client.replies(session, channelId, thread.ts(), thread.repliesReadTo(), cursor);
            List<dev.worklens.slack.client.SlackRecords.SlackMessage> replies = new ArrayList<>(page.messages());
            for (var m : replies) {
                if (!m.ts().equals(thread.ts())) {
                    readTo = SlackTs.max(readTo, m.ts());
                } else {
                    readTo = SlackTs.max(readTo, m.latestReply());
                }
            }
            store.saveMessages(session.teamId(), channelId, replies);
            cursor = page.nextCursor();
        } while (cursor != null);
        store.markRepliesRead(session.teamId(), channelId, thread.ts(), readTo);
    }
}
