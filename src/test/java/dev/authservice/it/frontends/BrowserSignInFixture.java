package dev.authservice.it.frontends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.authservice.it.support.Administrator;
import dev.authservice.it.support.Deployments;
import dev.authservice.it.support.HeadlessChromium;
import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.Poll;
import dev.authservice.it.support.ServiceProcess;
import dev.authservice.it.support.TestAuthenticator;
import dev.authservice.it.support.TestMailServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Single sign-on as a person sees it: Debian's chromium, driven headless through Debian's
 * chromedriver, opens applications behind a real front end over TLS (a throw-away certificate
 * for example.test and its subdomains, made by openssl for the test). Three host names, all
 * 127.0.0.1 for the browser: the portal at auth.example.test, and two applications that answer
 * with the X-Auth-User the front end gave them. Each subclass starts one front end from
 * docs/front-ends.md; each runs in the Maven profile `frontends`.
 */
@ExtendWith(ArquillianExtension.class)
abstract class BrowserSignInFixture {

    static final String PASSWORD = "correct horse battery";

    @ArquillianResource
    URL base;

    HttpClientSupport http;
    Path dir;
    private Process proxy;
    private HttpServer application;
    private WebDriver browser;

    /** The front end's port, fixed for the class: the portal's URL, configured at deployment, names it. */
    /** The front end's port, in the portal's URL: each class starts its front end there in turn. */
    static final int PORT = freePort();

    int port() {
        return PORT;
    }

    /** Writes the front end's configuration into {@code dir} and starts it. */
    abstract Process startFrontEnd(Path certificate, Path key, int applicationPort) throws IOException;

    /**
     * The portal configured for this front end, as docs/front-ends.md's walk-through says, with
     * registration open as there, so that the tests make their people with POST /register.
     */
    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "auth.portal.url", "https://auth.example.test:" + PORT,
                "auth.cookie.domain", "example.test",
                "auth.http.trusted-proxies", "127.0.0.1",
                "auth.registration.enabled", "true"));
        // Mail to the test's SMTP server: "Forgot your password?" is walked through by email.
        config.putAll(TestMailServer.config());
        return Deployments.authService("browser", config);
    }

    String portal() {
        return "https://auth.example.test:" + port();
    }

    String app(int n) {
        return "https://app" + n + ".example.test:" + port();
    }

    @BeforeEach
    void startFrontEndAndBrowser() throws Exception {
        http = new HttpClientSupport(base);
        dir = ServiceProcess.workDir(getClass().getSimpleName()).toAbsolutePath();
        Files.createDirectories(dir);
        Path certificate = dir.resolve("example.test.crt");
        Path key = dir.resolve("example.test.key");
        run(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=example.test",
                "-addext",
                "subjectAltName=DNS:example.test,DNS:*.example.test",
                "-keyout",
                key.toString(),
                "-out",
                certificate.toString());
        application = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        application.createContext("/", exchange -> {
            String user = exchange.getRequestHeaders().getFirst("X-Auth-User");
            String html = "<!DOCTYPE html><html lang=\"en\"><title>application</title><p id=\"who\">"
                    + exchange.getRequestHeaders().getFirst("Host") + " sees X-Auth-User=" + user + "</p>";
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html;charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        application.start();
        proxy = startFrontEnd(certificate, key, application.getAddress().getPort());
        awaitFrontEnd();
        browser = chromium(certificate);
    }

    @AfterEach
    void stopAll() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (proxy != null) {
            proxy.destroy();
            proxy.waitFor(10, TimeUnit.SECONDS);
        }
        if (application != null) {
            application.stop(0);
        }
    }

    @Test
    void aPersonSignsInOnceForEveryApplicationAndOutAgain() throws IOException {
        String username = registered("browser");
        browser.get(app(1) + "/reports?year=2026");
        assertOnSignInPageFor(app(1) + "/reports?year=2026");
        atBothWidths("sign-in");
        PageChecks.assertAccessible(browser, "the sign-in page");

        typeCredentials(username);
        awaitUrl(app(1) + "/reports?year=2026");
        assertEquals("app1.example.test:" + port() + " sees X-Auth-User=" + username, text("who"));

        browser.get(app(2) + "/");
        assertEquals("app2.example.test:" + port() + " sees X-Auth-User=" + username, text("who"));

        browser.get(portal() + "/portal/logout");
        PageChecks.assertAccessible(browser, "the sign-out page");
        browser.findElement(By.id("sign-out")).click();
        awaitUrl(portal() + "/portal/login?done=signed-out");
        assertEquals("You have been signed out.", text("notice"));

        browser.get(app(1) + "/reports?year=2026");
        assertOnSignInPageFor(app(1) + "/reports?year=2026");
    }

    @Test
    void aPersonSignsUpAndLandsSignedInOnThePageTheyAskedFor() throws IOException {
        String username = HttpClientSupport.uniqueUsername("sign-up");
        browser.get(app(1) + "/reports?year=2026");
        assertOnSignInPageFor(app(1) + "/reports?year=2026");
        browser.findElement(By.id("sign-up-link")).click();
        awaitUrl(portal() + "/portal/register?rd="
                + URLEncoder.encode(app(1) + "/reports?year=2026", StandardCharsets.UTF_8));
        atBothWidths("sign-up");
        PageChecks.assertAccessible(browser, "the sign-up page");

        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-up")).click();

        awaitUrl(app(1) + "/reports?year=2026");
        assertEquals("app1.example.test:" + port() + " sees X-Auth-User=" + username, text("who"));
    }

    @Test
    void anAccountWithTotpSignsInWithItsCode() {
        String username = registered("browser-totp");
        TestAuthenticator authenticator = enrolTotp(username);
        browser.get(app(2) + "/orders");
        assertOnSignInPageFor(app(2) + "/orders");
        typeCredentials(username);
        awaitUrl(portal() + "/portal/login/second-factor");
        PageChecks.assertAccessible(browser, "the second-factor step");
        browser.findElement(By.id("code")).sendKeys(authenticator.codeAt(http.clock()));
        browser.findElement(By.id("verify")).click();
        awaitUrl(app(2) + "/orders");
        assertEquals("app2.example.test:" + port() + " sees X-Auth-User=" + username, text("who"));
        browser.get(app(1) + "/");
        assertEquals("app1.example.test:" + port() + " sees X-Auth-User=" + username, text("who"));
    }

    @Test
    void anApiClientThroughTheSameFrontEndGets401NotARedirect() throws Exception {
        String token = http.newSession(HttpClientSupport.uniqueUsername("api"), PASSWORD);
        assertEquals("401 ", curl("-H", "Accept: application/json", app(1) + "/api/orders"));
        assertEquals(
                "401 ",
                curl(
                        "-H",
                        "Accept: text/html",
                        "-H",
                        "Authorization: Bearer " + "x".repeat(43),
                        app(1) + "/api/orders"));
        assertEquals("200 ", curl("-H", "Authorization: Bearer " + token, app(1) + "/api/orders"));
        String browserLike = curl("-H", "Accept: text/html", app(1) + "/reports");
        assertTrue(browserLike.startsWith("302 " + portal() + "/portal/login?rd="), browserLike);
    }

    /**
     * docs/account.md's walk-through: everything a person does for themselves on the account page,
     * in the browser alone. The deployment's clock moves 30 s before each TOTP code, since a code
     * is spent once used. One front end runs it (NginxBrowserSignInIT): the page is the portal's
     * alone, and the sign-in through either front end is the other tests' subject.
     */
    void walkThroughTheAccountPage() throws Exception {
        String username = registered("account");
        String apiToken = HttpClientSupport.token(http.login(username, PASSWORD));
        browser.get(portal() + "/portal/login");
        typeCredentials(username);
        awaitUrl(portal() + "/portal/account");
        assertEquals(username, text("username"));
        fullPageScreenshot("account.png");
        PageChecks.assertAccessible(browser, "the account page");
        assertFitsAPhone("account-phone.png");

        // Sessions: the API client's session is listed beside this browser's, and ends.
        List<WebElement> others = browser.findElements(By.cssSelector("tr.session:not(:has(.this-browser))"));
        assertEquals(1, others.size(), browser.getPageSource());
        others.get(0).findElement(By.className("sign-out-session")).click();
        assertTrue(awaitText("what").startsWith("The session of "), text("what"));
        PageChecks.assertAccessible(browser, "a step page");
        confirmStep(PASSWORD, null);
        awaitUrl(portal() + "/portal/account?done=session");
        assertEquals(401, http.session(apiToken).statusCode(), "the other session has ended");

        // Password: a weak one is refused beside the field; a good one replaces it.
        changePassword(PASSWORD, "short");
        assertTrue(awaitText("password-error").contains("at least"), text("password-error"));
        String password = "a whole new horse battery";
        changePassword(PASSWORD, password);
        awaitUrl(portal() + "/portal/account?done=password");
        assertEquals(200, http.login(username, password).statusCode());

        // TOTP: the QR code holds the key shown beside it; the first code turns it on.
        browser.findElement(By.id("totp-enrol")).click();
        confirmStep(password, null);
        String shown = awaitText("totp-secret");
        assertTrue(shown.matches("[A-Z2-7]{4}( [A-Z2-7]{1,4})+"), "the key in groups of four: " + shown);
        String secret = shown.replace(" ", "");
        String qr = browser.findElement(By.id("totp-qr")).getAttribute("src");
        assertTrue(qr.startsWith("data:image/png;base64,"), qr);
        String otpauth = decodeQr(java.util.Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1)));
        assertTrue(otpauth.startsWith("otpauth://totp/auth-service:" + username + "?"), otpauth);
        assertTrue(otpauth.contains("secret=" + secret + "&"), otpauth + " holds " + secret);
        atBothWidths("totp");
        PageChecks.assertAccessible(browser, "the TOTP enrolment");
        TestAuthenticator app = new TestAuthenticator(secret);
        browser.findElement(By.id("code")).sendKeys(app.codeAt(http.clock()));
        browser.findElement(By.id("totp-confirm")).click();
        awaitText("recovery-codes");
        assertEquals(
                10, browser.findElements(By.cssSelector("#recovery-codes li")).size());
        atBothWidths("recovery-codes");
        PageChecks.assertAccessible(browser, "the recovery codes");
        browser.findElement(By.id("done")).click();
        assertTrue(awaitText("totp-state").startsWith("On"), text("totp-state"));

        // Signing in with it: the password, then the app's code.
        browser.findElement(By.id("sign-out")).click();
        awaitUrl(portal() + "/portal/login?done=signed-out");
        typeCredentials(username, password);
        awaitUrl(portal() + "/portal/login/second-factor");
        browser.findElement(By.id("code")).sendKeys(nextCode(app));
        browser.findElement(By.id("verify")).click();
        awaitUrl(portal() + "/portal/account");

        // A passkey, made by Chromium's virtual authenticator after re-authentication.
        VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser)
                .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                        .setHasResidentKey(true)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true));
        browser.findElement(By.id("add-passkey")).click();
        confirmStep(password, nextCode(app));
        awaitText("create-passkey");
        PageChecks.assertAccessible(browser, "the new passkey's page");
        WebElement name = browser.findElement(By.id("passkey-name"));
        assertTrue(
                name.getAttribute("value").endsWith(" on Linux"),
                "named after the device: " + name.getAttribute("value"));
        name.clear();
        name.sendKeys("Test laptop");
        browser.findElement(By.id("create-passkey")).click();
        awaitUrl(portal() + "/portal/account?done=passkey-added");
        assertEquals(1, authenticator.getCredentials().size());
        assertEquals(
                "Test laptop",
                browser.findElement(By.cssSelector("tr.passkey input[name=name]"))
                        .getAttribute("value"));
        fullPageScreenshot("account-with-passkey.png");
        PageChecks.assertAccessible(browser, "the account page with a passkey and two-factor on");
        assertFitsAPhone("account-with-passkey-phone.png");

        // Signing in again: the password, then the passkey instead of a code.
        browser.findElement(By.id("sign-out")).click();
        awaitUrl(portal() + "/portal/login?done=signed-out");
        typeCredentials(username, password);
        awaitUrl(portal() + "/portal/login/second-factor");
        browser.findElement(By.id("use-passkey")).click();
        awaitUrl(portal() + "/portal/account");

        // And with the passkey alone.
        browser.findElement(By.id("sign-out")).click();
        awaitUrl(portal() + "/portal/login?done=signed-out");
        browser.findElement(By.id("sign-in-passkey")).click();
        awaitUrl(portal() + "/portal/account");
        assertEquals(username, text("username"));

        // Removing it, with the password and a code.
        browser.findElement(By.className("remove-passkey")).click();
        assertTrue(awaitText("what").contains("Test laptop"), text("what"));
        atBothWidths("step");
        confirmStep(password, nextCode(app));
        awaitUrl(portal() + "/portal/account?done=passkey-removed");
        assertTrue(browser.findElements(By.cssSelector("tr.passkey")).isEmpty());

        // Deleting the account: its own step says what goes, and asks once.
        browser.findElement(By.id("delete-account")).click();
        assertTrue(awaitText("what").endsWith("It cannot be undone."), text("what"));
        atBothWidths("delete");
        confirmStep(password, nextCode(app));
        assertEquals("Account deleted", awaitTagText("h1"));
        PageChecks.assertAccessible(browser, "a message page");
        assertEquals(401, http.login(username, password).statusCode());
    }

    /**
     * docs/administration.md's console, as the help desk uses it: the administrator signs in with
     * TOTP, finds one person among 10,000 accounts by the start of her name, and acts on her
     * account; she sees each effect in her own browser. Every page the administrator sees passes
     * axe-core's WCAG 2.1 A and AA rules and fits a phone. One front end runs it
     * (NginxBrowserSignInIT), as the account page's walk-through.
     */
    void walkThroughTheAdminConsole() throws Exception {
        String crowd = HttpClientSupport.uniqueUsername("staff");
        registerMany(crowd + "-", 10_000);
        String alice = crowd + "-alice";
        assertEquals(201, http.register(alice, PASSWORD).statusCode());
        TestAuthenticator hers = enrolTotp(alice);
        WebDriver her = chromium(dir.resolve("example.test.crt"));
        try {
            her.get(portal() + "/portal/login");
            signInAs(her, alice, PASSWORD, hers);
            awaitUrl(her, portal() + "/portal/account");

            // A location she is not allowed in: the no-access page says which group it needs.
            her.get(portal() + "/portal/no-access?group=finance");
            assertTrue(her.findElement(By.tagName("main")).getText().contains("finance"));
            PageChecks.assertAccessible(her, "the no-access page");
            her.get(portal() + "/portal/account");

            // The administrator: password, then the code, and back to the console.
            TestAuthenticator admins = dev.authservice.it.support.Administrator.authenticator(http);
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            browser.get(portal() + "/portal/admin");
            awaitUrl(portal() + "/portal/login?rd="
                    + URLEncoder.encode(portal() + "/portal/admin", StandardCharsets.UTF_8));
            signInAs(browser, Deployments.ADMIN_USERNAME, Deployments.ADMIN_PASSWORD, admins);
            awaitUrl(portal() + "/portal/admin");
            PageChecks.assertAccessible(browser, "the account list");

            browser.findElement(By.id("search")).sendKeys(crowd + "-a");
            browser.findElement(By.id("find")).click();
            awaitText("users");
            List<WebElement> found = browser.findElements(By.className("user-link"));
            assertEquals(List.of(alice), found.stream().map(WebElement::getText).toList());
            atBothWidths("admin-users");
            PageChecks.assertFitsAPhone(browser, "the account list");
            browser.findElements(By.className("user-link")).get(0).click();
            assertEquals(alice, awaitText("username"));
            PageChecks.assertAccessible(browser, "one account");
            fullPageScreenshot("admin-user.png");
            assertFitsAPhone(browser, "admin-user-phone.png", "username");

            // A group: she has it at her next page.
            WebElement groups = browser.findElement(By.id("groups-field"));
            groups.clear();
            groups.sendKeys("finance");
            browser.findElement(By.id("save-groups")).click();
            assertEquals("The groups are saved.", awaitText("notice"));
            her.navigate().refresh();
            assertEquals("Groups: finance", her.findElement(By.id("groups")).getText());

            // Disabled: her session ends at once; enabled, she signs in again.
            browser.findElement(By.id("disable")).click();
            assertEquals("Disabled", awaitText("user-state"));
            her.navigate().refresh();
            awaitUrl(her, portal() + "/portal/login");
            browser.findElement(By.id("enable")).click();
            assertEquals("Enabled", awaitText("user-state"));
            signInAs(her, alice, PASSWORD, hers);
            awaitUrl(her, portal() + "/portal/account");

            // Her sessions ended.
            browser.findElement(By.id("end-sessions")).click();
            assertEquals("Every session of the account has ended.", awaitText("notice"));
            her.navigate().refresh();
            awaitUrl(her, portal() + "/portal/login");
            signInAs(her, alice, PASSWORD, hers);
            awaitUrl(her, portal() + "/portal/account");

            // Her second factor reset: the password alone signs her in, and her page says so.
            browser.findElement(By.id("reset-second-factor")).click();
            assertEquals("Off", awaitText("user-second-factor"));
            her.navigate().refresh();
            awaitUrl(her, portal() + "/portal/login");
            signInAs(her, alice, PASSWORD, null);
            awaitUrl(her, portal() + "/portal/account");
            assertTrue(her.findElement(By.id("totp-state")).getText().startsWith("Off"));

            // What happened, as the security events tell it.
            browser.findElement(By.id("user-events")).click();
            assertTrue(Poll.until(Duration.ofSeconds(10), () -> {
                browser.navigate().refresh();
                return browser.findElements(By.cssSelector("tr.event td.kind")).stream()
                        .map(WebElement::getText)
                        .toList()
                        .containsAll(List.of(
                                "admin.user.groups",
                                "admin.user.disable",
                                "admin.user.enable",
                                "admin.user.logout",
                                "admin.user.second-factor.reset"));
            }));
            PageChecks.assertAccessible(browser, "the security events");
            atBothWidths("admin-events");

            // Deleting starts at a confirmation page.
            browser.get(portal() + "/portal/admin/user?name=" + URLEncoder.encode(alice, StandardCharsets.UTF_8));
            browser.findElement(By.id("delete-user")).click();
            assertTrue(awaitText("what").endsWith("It cannot be undone."));
            PageChecks.assertAccessible(browser, "the deletion's confirmation");
        } finally {
            her.quit();
        }
    }

    /** Registers {@code count} accounts named {@code prefix} and a number, eight at a time. */
    /**
     * "Forgot your password?" as a person with two-factor authentication meets it: from an
     * application's sign-in page to the email (read from the test's SMTP server), its link, the
     * code, a new password, and signed in; every page checked for accessibility and pictured at
     * both widths for docs/account.md.
     */
    void walkThroughAForgottenPassword() throws Exception {
        String username = registered("forgot");
        TestAuthenticator app = enrolTotp(username);
        String address = username + "@example.test";
        assertEquals(
                200,
                Administrator.call(http, "PUT", "admin/users/" + username + "/email", "{\"email\":\"" + address + "\"}")
                        .statusCode());

        browser.get(app(1) + "/reports?year=2026");
        assertOnSignInPageFor(app(1) + "/reports?year=2026");
        browser.findElement(By.id("forgot-link")).click();
        awaitUrl(portal() + "/portal/forgot");
        PageChecks.assertAccessible(browser, "the forgotten-password page");
        browser.findElement(By.id("identifier")).sendKeys(username);
        browser.findElement(By.id("send-link")).click();
        awaitText("sent");
        atBothWidths("forgot-sent");
        PageChecks.assertAccessible(browser, "the page after a reset was asked for");

        String link =
                TestMailServer.link(TestMailServer.awaitMessages(address, 1).get(0));
        assertTrue(link.startsWith(portal() + "/portal/reset?token="), link);
        browser.get(link);
        awaitUrl(portal() + "/portal/reset");
        awaitText("reset-account");
        atBothWidths("reset-code");
        PageChecks.assertAccessible(browser, "the reset page's second-factor step");
        browser.findElement(By.id("code")).sendKeys(nextCode(app));
        browser.findElement(By.id("verify")).click();
        awaitText("password-rules");
        atBothWidths("reset-password");
        PageChecks.assertAccessible(browser, "the reset page's new password");
        browser.findElement(By.id("password")).sendKeys("a brand new horse");
        browser.findElement(By.id("set-password")).click();

        awaitUrl(portal() + "/portal/account?done=password-reset");
        assertEquals(username, text("username"));
        assertTrue(text("notice").contains("Your password is set"), text("notice"));
        browser.get(link);
        assertTrue(browser.getPageSource().contains("expired or has already been used"), "the link worked once");
    }

    private void registerMany(String prefix, int count) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = prefix + String.format("%05d", i);
                answers.add(pool.submit(() -> http.register(name, PASSWORD).statusCode()));
            }
            for (var answer : answers) {
                assertEquals(201, answer.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The sign-in form in this browser, then the code step when the account has an authenticator. */
    private void signInAs(WebDriver someone, String username, String password, TestAuthenticator app) {
        new WebDriverWait(someone, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        someone.findElement(By.id("username")).sendKeys(username);
        someone.findElement(By.id("password")).sendKeys(password);
        someone.findElement(By.id("sign-in")).click();
        if (app != null) {
            new WebDriverWait(someone, Duration.ofSeconds(20))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
            someone.findElement(By.id("code")).sendKeys(nextCode(app));
            someone.findElement(By.id("verify")).click();
        }
    }

    /** A step page: the password, a code if asked, and the step's button. */
    private void confirmStep(String password, String code) {
        awaitText("what");
        browser.findElement(By.id("step-password")).sendKeys(password);
        if (code != null) {
            browser.findElement(By.id("step-otp")).sendKeys(code);
        }
        browser.findElement(By.id("confirm")).click();
    }

    private String awaitTagText(String tag) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.tagName(tag)));
        return browser.findElement(By.tagName(tag)).getText();
    }

    private void changePassword(String current, String replacement) {
        browser.findElement(By.id("current-password")).sendKeys(current);
        browser.findElement(By.id("new-password")).sendKeys(replacement);
        browser.findElement(By.id("change-password")).click();
    }

    /** A code of the next 30-second step: the one before it may be spent already. */
    private String nextCode(TestAuthenticator app) {
        http.advanceClock(Duration.ofSeconds(30));
        return app.codeAt(http.clock());
    }

    /** What the QR code in this PNG says, read by ZXing as a phone's camera app would. */
    private static String decodeQr(byte[] png) throws Exception {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        // PURE_BARCODE: the image is the generated code itself, not a photograph of one; ZXing's
        // finder-pattern search misreads about 4 % of pristine codes of this size without it.
        return new com.google.zxing.qrcode.QRCodeReader()
                .decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
    }

    private String registered(String prefix) {
        String username = HttpClientSupport.uniqueUsername(prefix);
        assertEquals(201, http.register(username, PASSWORD).statusCode());
        return username;
    }

    private TestAuthenticator enrolTotp(String username) {
        TestAuthenticator.Enrolled enrolled =
                TestAuthenticator.enrol(http, HttpClientSupport.token(http.login(username, PASSWORD)), PASSWORD);
        http.advanceClock(Duration.ofSeconds(30));
        return enrolled.app();
    }

    private void typeCredentials(String username) {
        typeCredentials(username, PASSWORD);
    }

    private void typeCredentials(String username, String password) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    private void assertOnSignInPageFor(String rd) {
        awaitUrl(portal() + "/portal/login?rd=" + URLEncoder.encode(rd, StandardCharsets.UTF_8));
        assertEquals("Sign in", browser.findElement(By.tagName("h1")).getText());
    }

    private void awaitUrl(String url) {
        awaitUrl(browser, url);
    }

    private static void awaitUrl(WebDriver browser, String url) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(url));
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "expected " + url + " but the browser is at " + browser.getCurrentUrl() + ": "
                            + browser.getPageSource(),
                    e);
        }
    }

    /** The text of the element with this id, once the page that has it has loaded. */
    private String awaitText(String id) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        return text(id);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** The whole page, however long: the window grows to it for the picture (docs/account.md's). */
    /**
     * On a phone's screen (390 px, an iPhone's), the page is no wider than the screen: every
     * button is reachable without scrolling sideways.
     */
    private void assertFitsAPhone(String screenshot) throws IOException {
        assertFitsAPhone(browser, screenshot, "username");
    }

    private void assertFitsAPhone(WebDriver browser, String screenshot, String idOnThePage) throws IOException {
        org.openqa.selenium.Dimension window = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.navigate().refresh();
            awaitText(idOnThePage);
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
            Number width = (Number) js.executeScript("return document.documentElement.scrollWidth;");
            Number screen = (Number) js.executeScript("return window.innerWidth;");
            assertEquals(390, screen.intValue(), "the screen");
            assertTrue(width.intValue() <= screen.intValue(), "the page is " + width + " px wide on a 390 px screen");
            fullPageScreenshot(screenshot);
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    /**
     * The page as it is, whole, at the window's width (1280 px for the console, 900 otherwise)
     * and at a phone's 390 px, where it must be no wider than the screen: name.png and
     * name-phone.png under target/screenshots, docs/images' pictures.
     */
    private void atBothWidths(String name) throws IOException {
        fullPageScreenshot(name + ".png");
        org.openqa.selenium.Dimension window = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
            Number width = (Number) js.executeScript("return document.documentElement.scrollWidth;");
            assertTrue(width.intValue() <= 390, name + " is " + width + " px wide on a 390 px screen");
            fullPageScreenshot(name + "-phone.png");
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    private void fullPageScreenshot(String name) throws IOException {
        org.openqa.selenium.Dimension window = browser.manage().window().getSize();
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight;");
        browser.manage()
                .window()
                .setSize(new org.openqa.selenium.Dimension(window.getWidth(), height.intValue() + 140));
        try {
            screenshot(name);
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    /** Saved under target/screenshots, from where docs/front-ends.md's picture is copied. */
    private void screenshot(String name) throws IOException {
        File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", getClass().getSimpleName() + "-" + name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Debian's chromium through Debian's chromedriver (HeadlessChromium), trusting the test's certificate. */
    private WebDriver chromium(Path certificate) throws Exception {
        return HeadlessChromium.start(List.of(
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=900,700",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"),
                "--host-resolver-rules=MAP example.test 127.0.0.1, MAP *.example.test 127.0.0.1",
                // Trusts the test's throw-away certificate, and no other unsigned one: the pages
                // stay a secure context, where Secure and __Host- cookies are kept.
                "--ignore-certificate-errors-spki-list=" + spkiHash(certificate)));
    }

    /** The base64 SHA-256 of the certificate's public key, as Chromium names a certificate to trust. */
    private static String spkiHash(Path certificate) throws Exception {
        try (var in = Files.newInputStream(certificate)) {
            var x509 =
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(x509.getPublicKey().getEncoded());
            return java.util.Base64.getEncoder().encodeToString(digest);
        }
    }

    /** What curl gets through the front end: the status and the Location, if any. */
    String curl(String... arguments) throws IOException, InterruptedException {
        String url = arguments[arguments.length - 1];
        String host = java.net.URI.create(url).getHost();
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                "curl",
                "-s",
                "-k",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code} %{redirect_url}",
                "--resolve",
                host + ":" + port() + ":127.0.0.1"));
        command.addAll(java.util.List.of(arguments));
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        curl.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private void awaitFrontEnd() {
        boolean listening = Poll.until(Duration.ofSeconds(15), () -> {
            if (!proxy.isAlive()) {
                throw new IllegalStateException(
                        "the front end exited: " + FrontEndFixture.read(dir.resolve("proxy.out")));
            }
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port())) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
        if (!listening) {
            throw new IllegalStateException(
                    "the front end did not start: " + FrontEndFixture.read(dir.resolve("proxy.out")));
        }
    }

    private void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.out").toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(
                    String.join(" ", command) + " failed: " + FrontEndFixture.read(dir.resolve("openssl.out")));
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
