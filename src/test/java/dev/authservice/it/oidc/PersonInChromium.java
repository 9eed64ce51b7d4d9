package dev.authservice.it.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.Poll;
import dev.authservice.it.support.TestAuthenticator;
import jakarta.json.Json;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A person with TOTP, in Chromium, signing in to an application through auth-service's portal:
 * what the relying-party tests share. The provider's clock is never moved: the code typed is the
 * next step's, which the drift window takes, so that the applications, which check iat and exp
 * against their own real clocks, see tokens of the present.
 */
public final class PersonInChromium {

    public static final String PASSWORD = "correct horse battery";

    private final HttpClientSupport provider;
    private final WebDriver browser;
    private final Supplier<String> applicationLog;
    private final String username;
    private final TestAuthenticator authenticator;

    private PersonInChromium(
            HttpClientSupport provider,
            WebDriver browser,
            Supplier<String> applicationLog,
            String username,
            TestAuthenticator authenticator) {
        this.provider = provider;
        this.browser = browser;
        this.applicationLog = applicationLog;
        this.username = username;
        this.authenticator = authenticator;
    }

    /** Registers {@code username} in {@code groups} (by the deployment's administrator) with TOTP. */
    public static PersonInChromium registered(
            HttpClientSupport provider,
            WebDriver browser,
            Supplier<String> applicationLog,
            String username,
            List<String> groups) {
        assertEquals(201, provider.register(username, PASSWORD).statusCode());
        var list = Json.createArrayBuilder();
        groups.forEach(list::add);
        HttpResponse<String> set = RelyingParty.admin(
                provider,
                "PUT",
                "admin/users/" + username + "/groups",
                list.build().toString());
        assertEquals(200, set.statusCode(), set.body());
        TestAuthenticator app = TestAuthenticator.enrol(
                        provider, HttpClientSupport.token(provider.login(username, PASSWORD)), PASSWORD)
                .app();
        return new PersonInChromium(provider, browser, applicationLog, username, app);
    }

    public String username() {
        return username;
    }

    /** Opens {@code url} of the application, signing in through the portal's two steps. */
    public void signsInAt(String url, String screenshotPrefix) throws Exception {
        browser.get(url);
        awaitUrl("/portal/login");
        if (screenshotPrefix != null) {
            screenshot(screenshotPrefix + "sign-in.png");
        }
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        awaitUrl("/portal/login/second-factor");
        browser.findElement(By.id("code"))
                .sendKeys(authenticator.codeAt(provider.clock().plusSeconds(30)));
        browser.findElement(By.id("verify")).click();
        awaitUrl(url);
    }

    /**
     * The text of the element with this id, once the page that has it has loaded (the address bar
     * changes before the page does); the page and the application's log if none comes.
     */
    public String text(String id) {
        Poll.until(
                Duration.ofSeconds(15), () -> !browser.findElements(By.id(id)).isEmpty());
        List<WebElement> found = browser.findElements(By.id(id));
        if (found.isEmpty()) {
            throw new AssertionError("no #" + id + " at " + browser.getCurrentUrl() + ": " + browser.getPageSource()
                    + "\n--- the application's log:\n" + tail(applicationLog.get()));
        }
        return found.get(0).getText();
    }

    public void awaitUrl(String part) {
        if (!Poll.until(Duration.ofSeconds(30), () -> browser.getCurrentUrl().contains(part))) {
            throw new AssertionError("the browser is at " + browser.getCurrentUrl() + ", not " + part + ": "
                    + browser.getPageSource() + "\n--- the application's log:\n" + tail(applicationLog.get()));
        }
    }

    /** The portal session's cookie in this browser. */
    public String portalSession() {
        return browser.manage().getCookieNamed("auth_session").getValue();
    }

    /** The status GET /session gives the portal session of {@code cookie}. */
    public int portalSessionStatus(String cookie) {
        return provider.send(provider.request("session")
                        .header("Cookie", "auth_session=" + cookie)
                        .GET())
                .statusCode();
    }

    /** Saved under target/screenshots, from where docs/oidc.md's pictures are copied. */
    public void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String tail(String log) {
        return log == null ? "" : log.length() > 6000 ? log.substring(log.length() - 6000) : log;
    }
}
