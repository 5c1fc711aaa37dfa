package dev.worklens.sync;

import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;

@WorklensTest
@Import(TestSources.class)
@DisplayName("Sync job lifecycle on H2")
class SyncLifecycleH2Test extends SyncLifecycleContract {}
