package dev.authservice.it.portal;

import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.authservice.it.support.Administrator;
import dev.authservice.it.support.Deployments;
import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.PortalBrowser;
import dev.authservice.it.support.TestAuthenticator;
import dev.authservice.it.support.TestMailServer;
import jakarta.json.Json;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal at the HTTP level, one deployment for every class here: the portal is configured as
 * docs/front-ends.md says for https://auth.example.test with the cookie domain example.test, and
 * registration is open so that the tests make their people with POST /register. The tests reach
 * the service directly and read every header; nothing typed or stored is ever shown unescaped.
 */
@ExtendWith(ArquillianExtension.class)
abstract class PortalDeployment {

    static final String PASSWORD = "correct horse battery";

    static final String PORTAL = "https://auth.example.test";

    static final String ACCOUNT_PAGE = PORTAL + "/portal/account";

    static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]{4}(?: [A-Z2-7]{1,4})*)<");

    static final Pattern CODE = Pattern.compile("<li><code>([A-Z2-7-]+)</code></li>");

    static final String TITLE = "Example Corp";
    static final String LOGO = "/brand/logo.svg";
    static final String ACCENT = "#6b21a8";
    static final String REPORTS = "https://app1.example.test/reports?year=2026";

    @ArquillianResource
    URL base;

    HttpClientSupport http;

    PortalBrowser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.authService(
                "portal",
                // Registration opened explicitly, as a portal closes it by default: the tests
                // make their people with POST /register.
                withMail(Map.of(
                        "auth.portal.url",
                        PORTAL,
                        "auth.cookie.domain",
                        "example.test",
                        "auth.registration.enabled",
                        "true",
                        // Every test asks from 127.0.0.1: the per-address bound is ResetThrottleTest's.
                        "auth.throttle.password-resets-per-address-per-hour",
                        "10000",
                        // The company's name, logo and colour, where people see the service's (BrandingIT).
                        "auth.portal.title",
                        TITLE,
                        "auth.portal.logo-url",
                        LOGO,
                        "auth.portal.accent-color",
                        ACCENT)));
    }

    /** With mail to the test's SMTP server (TestMailServer): resets, addresses, notices. */
    private static Map<String, String> withMail(Map<String, String> config) {
        Map<String, String> all = new HashMap<>(config);
        all.putAll(TestMailServer.config());
        return all;
    }

    @BeforeEach
    void newBrowser() {
        http = new HttpClientSupport(base);
        browser = new PortalBrowser(http, PORTAL);
    }

    String registered(String prefix) {
        String username = uniqueUsername(prefix);
        assertEquals(201, http.register(username, PASSWORD).statusCode());
        return username;
    }

    HttpResponse<String> check(String path, String accept, String... headers) {
        var request = http.request(path).header("Accept", accept);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.GET());
    }

    HttpResponse<String> sessionOfCookie(String token) {
        return http.send(http.request("session")
                .header("Cookie", "auth_session=" + token)
                .GET());
    }

    static String signInUrlFor(String rd) {
        return PORTAL + "/portal/login?rd=" + URLEncoder.encode(rd, StandardCharsets.UTF_8);
    }

    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    TestAuthenticator enrolled(String username) {
        TestAuthenticator.Enrolled enrolled =
                TestAuthenticator.enrol(http, HttpClientSupport.token(http.login(username, PASSWORD)), PASSWORD);
        recoveryCode = enrolled.recoveryCodes().get(0);
        // The code just used for confirmation is spent: the next sign-in needs the next step's.
        http.advanceClock(Duration.ofSeconds(30));
        return enrolled.app();
    }

    String recoveryCode;

    /** Registers an account and signs this browser in as it; returns its name. */
    String signedInAccount() {
        String username = registered("page");
        assertEquals(303, browser.signIn(username, PASSWORD, null).statusCode());
        return username;
    }

    HttpResponse<String> submit(String path, String... fields) {
        Map<String, String> form = new HashMap<>();
        form.put("csrf", browser.csrfToken());
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return browser.post("portal/account/" + path, form);
    }

    static String addressOf(String username) {
        return username + "@example.test";
    }

    /** An account whose address an administrator set, so confirmed: mail may go to it. */
    String withConfirmedAddress(String prefix) {
        String username = registered(prefix);
        HttpResponse<String> set = Administrator.call(
                http,
                "PUT",
                "admin/users/" + username + "/email",
                Json.createObjectBuilder()
                        .add("email", addressOf(username))
                        .build()
                        .toString());
        assertEquals(200, set.statusCode(), set.body());
        return username;
    }

    /** "Forgot your password?" asked for {@code identifier} by a browser of its own. */
    HttpResponse<String> askForReset(String identifier) {
        PortalBrowser someone = new PortalBrowser(http, PORTAL);
        return someone.post("portal/forgot", Map.of("csrf", someone.csrfToken(), "identifier", identifier));
    }
}
