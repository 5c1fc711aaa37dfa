package dev.worklens.slack;

import dev.worklens.demo.FakeSlackApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * A generated workspace for the fault-injection test and the benchmark: channels of top-level
 * messages by a pool of people, a share of them threads with replies, some mentions, a standup
 * channel with bot reposts.
 */
public final class SyntheticWorkspace {

    final int people;
    final int channels;
    final int messagesPerChannel;
    public int threads;
    public int threadsInRange;
    public int totalMessages;
    public int historyVisible;

    public SyntheticWorkspace(int people, int channels, int messagesPerChannel) {
        this.people = people;
        this.channels = channels;
        this.messagesPerChannel = messagesPerChannel;
    }

    public static String userId(int i) {
        return "U%07d".formatted(i);
    }

    static String channelId(int i) {
        return "C%07d".formatted(i);
    }

    public static String name(int i) {
        return "person" + i;
    }

    /** Messages spread over [start, end); every 10th top-level message gets 1–4 replies. */
    public void build(FakeSlackApi fake, Instant start, Instant end, long seed) {
        var random = new Random(seed);
        for (int p = 0; p < people; p++) {
            fake.user(userId(p), name(p), "Person " + p, name(p) + "@acme.test");
        }
        fake.usergroup("S0000001", "everyone", "Everyone");
        long span = Duration.between(start, end).toSeconds();
        for (int c = 0; c < channels; c++) {
            String channel = channelId(c);
            boolean standup = c == 0;
            fake.channel(channel, standup ? "standup" : "channel-" + c, c % 5 == 4, true);
            for (int m = 0; m < messagesPerChannel; m++) {
                long offset = (span * m) / messagesPerChannel;
                Instant at = start.plusSeconds(offset).plusMillis(random.nextInt(900));
                String ts = Workspace.ts(at.toString());
                int author = random.nextInt(people);
                var msg = fake.post(channel, ts);
                if (standup) {
                    msg.bot(
                                    "B0000001",
                                    (random.nextBoolean() ? " " : "")
                                            + name(author).toUpperCase())
                            .text("Yesterday: work " + m);
                } else {
                    msg.user(userId(author))
                            .text(
                                    random.nextInt(8) == 0
                                            ? "ping <@" + userId(random.nextInt(people)) + "> about item " + m
                                            : "update on item " + m + " <!subteam^S0000001|@everyone>");
                }
                totalMessages++;
                historyVisible++;
                if (m % 10 == 0) {
                    threads++;
                    threadsInRange++;
                    int replies = 1 + random.nextInt(4);
                    for (int r = 1; r <= replies; r++) {
                        String rts = Workspace.ts(at.plusSeconds(60L * r).toString());
                        fake.post(channel, rts)
                                .user(userId(random.nextInt(people)))
                                .inThread(ts)
                                .text("reply " + r);
                        totalMessages++;
                    }
                }
            }
        }
    }
}
