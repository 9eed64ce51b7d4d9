package dev.authservice.it.frontends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What every page of the portal must be for people, checked in the browser itself: no violation
 * of WCAG 2.1 A or AA that axe-core (Deque's checker, from npm, run inside Chromium) finds, and no
 * wider than a phone's screen.
 */
final class PageChecks {

    /** Where the frontends profile installs axe-core from npm (pom.xml, "axe-core"). */
    static final Path AXE = Path.of("target", "npm", "node_modules", "axe-core", "axe.min.js");

    private static String axeSource;

    private PageChecks() {}

    /** axe-core's WCAG 2.1 A and AA rules on the page the browser shows; each violation is listed. */
    static void assertAccessible(WebDriver browser, String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe());
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object violations = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(r.violations.map(function (v) {"
                + "  return v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + "    + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }).join('\\n')); })"
                + ".catch(function (e) { done('axe failed: ' + e); });");
        assertEquals("", violations, page + " (" + browser.getCurrentUrl() + ")");
    }

    /** On a phone's screen (390 px, an iPhone's) the page is no wider than the screen. */
    static void assertFitsAPhone(WebDriver browser, String page) {
        Dimension window = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.navigate().refresh();
            JavascriptExecutor js = (JavascriptExecutor) browser;
            Number width = (Number) js.executeScript("return document.documentElement.scrollWidth;");
            Number screen = (Number) js.executeScript("return window.innerWidth;");
            assertEquals(390, screen.intValue(), "the screen");
            assertTrue(width.intValue() <= screen.intValue(), page + " is " + width + " px wide on a 390 px screen");
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try {
                axeSource = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "axe-core is missing: the frontends profile installs it from npm into " + AXE, e);
            }
        }
        return axeSource;
    }
}
