package dev.authservice.it.support;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium through Debian's chromedriver, headless: Selenium is told both, so it
 * downloads nothing (-Dchromium.binary and -Dchromedriver.binary name others).
 */
public final class HeadlessChromium {

    private HeadlessChromium() {}

    /** A new browser with the common flags and {@code flags}. */
    public static WebDriver start(List<String> flags) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        List<String> all = new ArrayList<>(List.of(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"));
        all.addAll(flags);
        options.addArguments(all);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
