package dev.worklens.slack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklens.demo.FakeApiServer.Fault;
import dev.worklens.demo.FakeSlackApi;
import dev.worklens.sync.SyncCancelledException;
import dev.worklens.system.retry.VirtualTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Slack client against a fake Slack")
class SlackClientTest {

    FakeSlackApi fake;
    VirtualTime time;
    SlackRateLimiter limiter;
    SlackClient client;
    SlackSession session;

    @BeforeEach
    void setUp() {
        fake = FakeSlackApi.start().channel("C1", "general", false, true);
        for (int i = 1; i <= 7; i++) {
            fake.post("C1", "1700000%03d.000100".formatted(i)).user("U1").text("message " + i);
        }
        time = new VirtualTime();
        limiter = new SlackRateLimiter(time);
        client = new SlackClient(
                SlackClientConfiguration.slack(fake.baseUrl() + "/api/"), new SlackCalls(limiter, time));
        session = SlackSession.of(FakeSlackApi.TOKEN, "T1");
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    List<String> allHistory() {
        List<String> ts = new ArrayList<>();
        String cursor = null;
        do {
            var page = client.history(session, "C1", "0", "9999999999.000000", cursor);
            page.messages().forEach(m -> ts.add(m.ts()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ts;
    }

    @Nested
    @DisplayName("pagination")
    class Pagination {
        @Test
        @DisplayName("follows next_cursor through pages shorter than asked until it is empty")
        void shortPages() {
            fake.historyPageCap(2);
            assertThat(allHistory()).hasSize(7).doesNotHaveDuplicates();
            assertThat(fake.calls("conversations.history")).isEqualTo(4);
        }

        @Test
        @DisplayName("keeps the raw JSON of each message as Slack sent it")
        void raw() {
            var page = client.history(session, "C1", "0", "9999999999.000000", null);
            assertThat(page.messages().get(0).raw())
                    .contains("\"type\":\"message\"")
                    .contains("\"ts\":\"1700000007.000100\"");
            assertThat(page.last()).isTrue();
        }
    }

    @Nested
    @DisplayName("rate limits and failures")
    class Failures {
        @Test
        @DisplayName("waits out every 429 with its Retry-After, however many come")
        void rateLimitStorm() {
            Fault[] storm = new Fault[25];
            java.util.Arrays.fill(storm, Fault.RATE_LIMITED);
            fake.script("conversations.history", storm);
            fake.retryAfterSeconds(30);
            assertThat(allHistory()).hasSize(7);
            assertThat(time.waitedMillis()).isEqualTo(25 * 30_000L);
            assertThat(limiter.rateLimitedCount("T1", "conversations.history")).isEqualTo(25);
        }

        @Test
        @DisplayName("retries 5xx answers and dropped connections with growing backoff")
        void serverErrorsAndDrops() {
            fake.script("conversations.history", Fault.SERVER_ERROR, Fault.DROP, Fault.SERVER_ERROR);
            assertThat(allHistory()).hasSize(7);
            assertThat(fake.calls("conversations.history")).isEqualTo(4);
            assertThat(time.waitedMillis()).isEqualTo(500 + 1000 + 2000);
        }

        @Test
        @DisplayName("gives up with words after too many failures in a row")
        void givesUp() {
            Fault[] errors = new Fault[SlackCalls.MAX_FAILURES];
            java.util.Arrays.fill(errors, Fault.SERVER_ERROR);
            fake.script("conversations.history", errors);
            assertThatThrownBy(() -> allHistory())
                    .isInstanceOfSatisfying(
                            SlackApiError.class, e -> assertThat(e.code()).isEqualTo("unreachable"))
                    .hasMessageContaining("did not answer conversations.history");
        }

        @Test
        @DisplayName("turns ok:false into a typed error with Slack's own word")
        void okFalse() {
            fake.channelError("C1", "not_in_channel");
            assertThatThrownBy(() -> allHistory()).isInstanceOfSatisfying(SlackApiError.class, e -> {
                assertThat(e.code()).isEqualTo("not_in_channel");
                assertThat(e.channelUnreadable()).isTrue();
            });
        }

        @Test
        @DisplayName("names the missing scope")
        void missingScope() {
            fake.methodError("users.list", "missing_scope");
            assertThatThrownBy(() -> client.people(session, null))
                    .isInstanceOfSatisfying(
                            SlackApiError.class, e -> assertThat(e.needed()).isEqualTo("users:read"))
                    .hasMessageContaining("'users:read'");
        }

        @Test
        @DisplayName("a revoked or wrong token is a dead token")
        void deadToken() {
            assertThatThrownBy(() -> client.people(SlackSession.of("xoxp-wrong", "T1"), null))
                    .isInstanceOfSatisfying(
                            SlackApiError.class, e -> assertThat(e.tokenDead()).isTrue())
                    .hasMessageContaining("Sign in with Slack again");
        }

        @Test
        @DisplayName("a cancel ends a rate-limit wait")
        void cancelDuringWait() {
            fake.script("conversations.history", Fault.RATE_LIMITED, Fault.RATE_LIMITED);
            var cancelled = new AtomicBoolean();
            var cancellable = new SlackSession(FakeSlackApi.TOKEN, "T1", () -> {
                if (cancelled.get()) throw new SyncCancelledException();
                if (limiter.rateLimitedCount("T1", "conversations.history") > 0) cancelled.set(true);
            });
            assertThatThrownBy(() -> client.history(cancellable, "C1", "0", "9999999999.0", null))
                    .isInstanceOf(SyncCancelledException.class);
        }

        @Test
        @DisplayName("one workspace's 429 holds back the same method for every caller of that workspace only")
        void sharedLimiter() {
            fake.script("conversations.history", Fault.RATE_LIMITED);
            fake.retryAfterSeconds(20);
            client.history(session, "C1", "0", "9999999999.0", null);
            long before = time.waitedMillis();
            limiter.holdBack("T1", "conversations.history", java.time.Duration.ofSeconds(5));
            client.history(SlackSession.of(FakeSlackApi.TOKEN, "T1"), "C1", "0", "9999999999.0", null);
            assertThat(time.waitedMillis() - before).isEqualTo(5_000);
            limiter.holdBack("T1", "conversations.history", java.time.Duration.ofSeconds(5));
            client.channels(session, null); // another method is not held back
            assertThat(time.waitedMillis() - before).isEqualTo(5_000);
        }
    }

    @Test
    @DisplayName("reads one person with users.info")
    void person() {
        fake.user("U0ALICE", "alice", "Alice Anders", "alice@acme.test");
        var p = client.person(session, "U0ALICE");
        assertThat(p.displayName()).isEqualTo("alice");
        assertThat(p.email()).isEqualTo("alice@acme.test");
    }

    @Test
    @DisplayName("exchanges an OAuth code once and reads the user token from authed_user")
    void oauth() {
        var grant = client.exchangeCode("cid", "secret", "good-code", "https://app/cb");
        assertThat(grant.accessToken()).isEqualTo(FakeSlackApi.TOKEN);
        assertThat(grant.userId()).isEqualTo(FakeSlackApi.OPERATOR);
        assertThat(grant.teamId()).isEqualTo("T1");
        assertThatThrownBy(() -> client.exchangeCode("cid", "secret", "bad", "https://app/cb"))
                .isInstanceOfSatisfying(
                        SlackApiError.class, e -> assertThat(e.code()).isEqualTo("invalid_code"));
    }
}
