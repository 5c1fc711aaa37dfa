package dev.worklens.e2e;

import dev.worklens.support.Browser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test, with a screenshot and the page source written to
 * {@code target/e2e-failures/} when the test fails (before the browser is closed).
 */
final class BrowserExtension implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private ChromeDriver driver;

    @Override
    public void beforeEach(ExtensionContext context) {
        // .ci/run installs Chromium; a developer machine without it skips rather than fails
        Browser.assumeAvailable();
        driver = Browser.start();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        if (driver == null || context.getExecutionException().isEmpty()) {
            return;
        }
        Path folder = Path.of("target", "e2e-failures");
        Files.createDirectories(folder);
        String name = context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName();
        try {
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(
                    folder.resolve(name + ".html"),
                    driver.getCurrentUrl() + "\n" + driver.getPageSource(),
                    StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            // a browser that died cannot be photographed; the test's own failure is what matters
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    WebDriver driver() {
        return driver;
    }

    <T> T until(Function<WebDriver, T> condition) {
        // an element found just before htmx or a redirect replaced it is stale: look again
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Lets pages of this origin write and read the clipboard without a user prompt. */
    void grantClipboard(String origin) {
        driver.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of("origin", origin, "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }
}
