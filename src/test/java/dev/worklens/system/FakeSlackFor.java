package dev.worklens.system;

import dev.worklens.demo.FakeSlackApi;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fake Slack for the access tests, so pages that ask Slack (the Team and Connect pages) answer
 * at once instead of retrying an unreachable address.
 */
final class FakeSlackFor {

    static final FakeSlackApi SLACK = FakeSlackApi.start();

    private FakeSlackFor() {}

    static void properties(DynamicPropertyRegistry registry) {
        registry.add("SLACK_BASE_URL", SLACK::baseUrl);
    }
}
