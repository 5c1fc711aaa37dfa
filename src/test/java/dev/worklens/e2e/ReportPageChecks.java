package dev.worklens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** What a manager checks on a Work report page in a real browser, shared by the journeys. */
final class ReportPageChecks {

    /** True once Chart.js owns the canvas and has painted at least one pixel on it. */
    private static final String CHART_DRAWN = """
            var canvas = document.getElementById(arguments[0]);
            if (!canvas || typeof Chart === 'undefined' || !Chart.getChart(canvas)) return false;
            if (canvas.width === 0 || canvas.height === 0) return false;
            var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) return true; }
            return false;
            """;

    private static final String READ_CLIPBOARD = """
            var done = arguments[arguments.length - 1];
            navigator.clipboard.readText().then(done, function (e) { done('clipboard refused: ' + e); });
            """;

    private ReportPageChecks() {}

    static void chartsDrawn(BrowserExtension browser) {
        for (String id : new String[] {"chart-weekly", "chart-categories"}) {
            browser.until(d -> Boolean.TRUE.equals(browser.script(CHART_DRAWN, id)));
        }
    }

    /** Clicks Copy on the share summary; the button says so and the clipboard holds the summary. */
    static String copyShareSummary(BrowserExtension browser, String origin) {
        browser.grantClipboard(origin);
        String summary = browser.find("#share-summary").getAttribute("value");
        assertThat(summary).isNotBlank();
        var copy = browser.driver().findElement(By.cssSelector("button[data-copy-target='#share-summary']"));
        copy.click();
        browser.until(d -> copy.getText().equals("Copied"));
        Object clipboard = ((JavascriptExecutor) browser.driver()).executeAsyncScript(READ_CLIPBOARD);
        assertThat(clipboard).isEqualTo(summary);
        return summary;
    }
}
