package dev.worklens.slack;

import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;

@WorklensTest
@DisplayName("Slack sync on H2")
class SlackSyncH2Test extends SlackSyncContract {}
