package dev.worklens.slack;

import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;

@WorklensTest
@DisplayName("Standups and messages as written, on H2")
class WrittenMessagesH2Test extends WrittenMessagesContract {}
