package dev.authservice.it.auth;

import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static dev.authservice.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.Administrator;
import dev.authservice.it.support.Deployments;
import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.PortalBrowser;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A locked-down deployment: behind a portal (auth.portal.url set) with auth.registration.enabled
 * left unset, only administrators create accounts; and with auth.webauthn.passwordless=false a
 * passkey serves only as a second factor.
 */
@ExtendWith(ArquillianExtension.class)
class ClosedRegistrationIT {

    private static final String PASSWORD = "correct horse battery";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.authService(
                "closed-registration",
                Map.of(
                        "auth.portal.url", "https://auth.example.test",
                        "auth.webauthn.passwordless", "false"));
    }

    @Test
    void behindAPortalRegisteringIs403AndOnlyAnAdministratorCreatesAccounts() {
        HttpClientSupport http = new HttpClientSupport(base);
        String username = uniqueUsername("closed");
        assertTrue(assertProblem(403, http.register(username, PASSWORD))
                .getString("detail")
                .contains("administrator"));
        assertProblem(403, http.postJson("register", "not even JSON"), "whatever the body");
        assertEquals(401, http.login(username, PASSWORD).statusCode(), "nothing was created");
        var created = http.send(http.request("admin/users")
                .header("Authorization", "Bearer " + Administrator.token(http))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(200, http.login(username, PASSWORD).statusCode());
    }

    @Test
    void withRegistrationClosedThereIsNoSignUpPageAndNoLinkToOne() {
        HttpClientSupport http = new HttpClientSupport(base);
        PortalBrowser browser = new PortalBrowser(http, "https://auth.example.test");
        String username = uniqueUsername("no-sign-up");

        assertFalse(browser.get("portal/login").body().contains("sign-up-link"));
        assertEquals(404, browser.get("portal/register").statusCode());
        HttpResponse<String> posted = browser.post(
                "portal/register", Map.of("csrf", browser.csrfToken(), "username", username, "password", PASSWORD));
        assertEquals(404, posted.statusCode());
        assertEquals(401, http.login(username, PASSWORD).statusCode(), "nothing was created");
    }

    @Test
    void withPasswordlessOffTheSignInPageOffersNoPasskeyAndTheApiRefuses() {
        HttpClientSupport http = new HttpClientSupport(base);
        String page = http.send(http.request("portal/login")
                        .header("Accept", "text/html")
                        .GET())
                .body();

        assertTrue(page.contains("id=\"sign-in\""), page);
        assertFalse(page.contains("sign-in-passkey"), page);
        assertProblem(403, http.postJson("webauthn/login/options", "{}"));
    }

    /** Mail is not configured here: no "Forgot your password?", and its pages say who resets passwords. */
    @Test
    void withoutMailThereIsNoResetByEmail() {
        HttpClientSupport http = new HttpClientSupport(base);
        PortalBrowser browser = new PortalBrowser(http, "https://auth.example.test");
        assertTrue(!browser.get("portal/login").body().contains("forgot-link"));
        HttpResponse<String> page = browser.get("portal/forgot");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("administrator"), page.body());
        HttpResponse<String> asked = browser.post(
                "portal/forgot", Map.of("csrf", browser.csrfToken(), "identifier", Deployments.ADMIN_USERNAME));
        assertEquals(404, asked.statusCode());
        assertEquals(404, browser.get("portal/reset?token=" + "A".repeat(43)).statusCode());
    }
}
