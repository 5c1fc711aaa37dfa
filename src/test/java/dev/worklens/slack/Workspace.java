package dev.worklens.slack;

import dev.worklens.demo.FakeSlackApi;
import dev.worklens.slack.ingest.SlackTs;
import java.time.Instant;

/**
 * The workspace most Slack tests sync: three channels worth reading, one the operator is not in,
 * one ignored by the default patterns, one Slack cannot find; threads (one broadcast reply, late
 * replies to a thread begun before the range), standup bot posts with odd casing, housekeeping
 * messages and an edit.
 */
final class Workspace {

    static final String GENERAL = "C0GENERAL";
    static final String STANDUP = "C0STANDUP";
    static final String SECRET = "G0SECRET";
    static final String RANDOM = "C0RANDOM";
    static final String NIMBLE = "C0NIMBLE";
    static final String GONE = "C0GONE";

    private Workspace() {}

    static String ts(String instant) {
        return SlackTs.of(Instant.parse(instant));
    }

    static void build(FakeSlackApi fake) {
        fake.user("U0OLIVIA", "olivia", "Olivia Op", "olivia@acme.test")
                .user("U0ALICE", "alice", "Alice Anders", "alice@acme.test")
                .user("U0BOB", "bob", "Bob Brown", "bob@acme.test")
                .user("U0CAROL", "carol", "Carol Chen", "carol@acme.test")
                .botUser("U0BOT", "standuply")
                .deletedUser("U0GONE", "ghost")
                .user("USLACKBOT", "slackbot", "Slackbot", null)
                .usergroup("S0BACKEND", "backend", "Backend team");
        fake.channel(GENERAL, "general", false, true)
                .channel(STANDUP, "daily-standup", false, true)
                .channel(SECRET, "secret", true, true)
                .channel(RANDOM, "random", false, false)
                .channel(NIMBLE, "nimble-chat", false, true)
                .channel(GONE, "gone", false, true);
        fake.channelError(GONE, "channel_not_found");

        String g2 = ts("2026-11-11T09:00:00Z");
        String g4 = ts("2026-10-25T09:00:00Z");
        String g5 = ts("2026-10-01T09:00:00Z");
        fake.post(GENERAL, ts("2026-11-10T09:00:00Z")).user("U0ALICE").text("hello <@U0BOB>");
        fake.post(GENERAL, g2).user("U0BOB").text("design thread\nsecond line");
        fake.post(GENERAL, ts("2026-11-11T10:00:00Z"))
                .user("U0ALICE")
                .inThread(g2)
                .text("looks good");
        fake.post(GENERAL, ts("2026-11-12T10:00:00Z"))
                .user("U0CAROL")
                .inThread(g2)
                .text("<@U0ALICE> ping");
        fake.post(GENERAL, ts("2026-11-12T11:00:00Z"))
                .user("U0BOB")
                .broadcast(g2)
                .text("summary for all");
        fake.post(GENERAL, ts("2026-11-12T12:00:00Z"))
                .user("U0CAROL")
                .subtype("channel_join")
                .text("<@U0CAROL> has joined the channel");
        fake.post(GENERAL, ts("2026-11-13T12:00:00Z"))
                .user("U0BOB")
                .subtype("channel_topic")
                .text("set the topic");
        fake.post(GENERAL, g4).user("U0CAROL").text("old thread");
        fake.post(GENERAL, ts("2026-10-26T09:00:00Z"))
                .user("U0BOB")
                .inThread(g4)
                .text("early reply");
        fake.post(GENERAL, ts("2026-11-02T09:00:00Z"))
                .user("U0ALICE")
                .inThread(g4)
                .text("late reply");
        fake.post(GENERAL, g5).user("U0CAROL").text("ancient thread");
        fake.post(GENERAL, ts("2026-11-03T09:00:00Z"))
                .user("U0ALICE")
                .inThread(g5)
                .text("reply to an ancient thread");
        fake.post(GENERAL, ts("2026-11-15T09:00:00Z"))
                .user("U0ALICE")
                .text("<!subteam^S0BACKEND|@backend> deploy &amp; check")
                .edited(ts("2026-11-15T10:00:00Z"));

        String s3 = ts("2026-11-11T08:00:00Z");
        fake.post(STANDUP, ts("2026-11-10T08:00:00Z"))
                .bot("B0STANDUP", "  ALICE anders ")
                .text("Yesterday: API");
        fake.post(STANDUP, ts("2026-11-10T08:01:00Z"))
                .bot("B0STANDUP", "Dave Unknown")
                .text("Yesterday: ?");
        fake.post(STANDUP, s3).bot("B0STANDUP", "bob").text("Yesterday: UI");
        fake.post(STANDUP, ts("2026-11-11T08:30:00Z"))
                .user("U0BOB")
                .inThread(s3)
                .text("blocked on review");
        fake.post(STANDUP, ts("2026-11-11T08:40:00Z"))
                .user("U0ALICE")
                .inThread(s3)
                .text("I can review");

        fake.post(SECRET, ts("2026-11-20T09:00:00Z")).user("U0BOB").text("private note");
        fake.post(NIMBLE, ts("2026-11-10T09:00:00Z")).user("U0ALICE").text("ignored channel");
    }
}
