package dev.worklens.sync;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Restart mid-job on an H2 file")
class RestartH2Test extends RestartContract {

    @TempDir
    static Path dir;

    @Override
    String url() {
        return Instances.h2File(dir);
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    String password() {
        return "";
    }
}
