package dev.worklens.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium through Selenium, with the flags this machine's closed network needs
 * and a fresh profile each time.
 */
public final class Browser {

    private Browser() {}

    public static boolean available() {
        return Files.isExecutable(chromium()) && Files.isExecutable(chromedriver());
    }

    /**
     * Skips the calling test when Chromium is missing on a developer's machine, and fails it when
     * the environment says CI: a build server without a browser must not pass the browser tests by
     * skipping them.
     */
    public static void assumeAvailable() {
        if (available()) {
            return;
        }
        String missing =
                "Debian chromium and chromium-driver are not installed (" + chromium() + ", " + chromedriver() + ")";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci.strip())) {
            throw new AssertionError(missing + ", and CI is set: the browser tests must run here");
        }
        Assumptions.assumeTrue(false, missing);
    }

    public static ChromeDriver start() {
        try {
            Path profile = Files.createTempDirectory("worklens-chromium-");
            var options = new ChromeOptions();
            options.setBinary(chromium().toString());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-quic",
                    "--no-first-run",
                    "--window-size=1400,1000",
                    "--user-data-dir=" + profile);
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver().toFile())
                    .usingAnyFreePort()
                    .build();
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path chromium() {
        return Path.of(System.getProperty("worklens.chromium", "/usr/bin/chromium"));
    }

    private static Path chromedriver() {
        return Path.of(System.getProperty("worklens.chromedriver", "/usr/bin/chromedriver"));
    }
}
