package dev.worklens.reliability;

import dev.worklens.system.config.DatabaseUrl;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Crash recovery on an H2 file")
class CrashRecoveryH2FileTest extends CrashRecoveryContract {

    @TempDir
    Path dir;

    @Override
    String databaseUrl() {
        // the embedded default's own options: what a user without DATABASE_URL runs on
        return DatabaseUrl.EMBEDDED.replace("./data/worklens", dir.toAbsolutePath() + "/worklens");
    }
}
