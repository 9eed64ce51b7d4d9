package dev.authservice.it.portal;

import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static dev.authservice.it.support.PortalBrowser.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.PortalBrowser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign-up in the portal, where registration is open: POST /register's use case behind a form with
 * the browser's CSRF token, the policy beside the password, and a count per client address.
 */
class SignUpIT extends PortalDeployment {

    @Test
    void theSignInPageLinksToSignUpKeepingWhereTheBrowserIsGoing() {
        String signIn = browser.get("portal/login?rd=" + encoded(REPORTS)).body();
        assertTrue(
                signIn.contains("id=\"sign-up-link\"")
                        // Mustache escapes "=" in the attribute; the browser reads it back.
                        && signIn.contains("/portal/register?rd&#61;" + encoded(REPORTS)),
                signIn);

        HttpResponse<String> page = browser.get("portal/register?rd=" + encoded(REPORTS));

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"password-rules\">At least 8 characters"), page.body());
        assertTrue(page.body().contains("name=\"csrf\""), page.body());
        assertTrue(page.body().contains("name=\"rd\" value=\"" + REPORTS.replace("=", "&#61;") + "\""), page.body());
        assertTrue(page.body().contains("autocomplete=\"new-password\""), page.body());
    }

    @Test
    void signingUpCreatesTheAccountAndSignsTheBrowserInOnItsWay() {
        String username = uniqueUsername("sign-up");

        HttpResponse<String> signedUp = signUp(username, PASSWORD, REPORTS);

        assertEquals(303, signedUp.statusCode(), signedUp.body());
        assertEquals(URI.create(REPORTS), location(signedUp));
        String cookie = browser.cookie("auth_session");
        assertEquals(200, sessionOfCookie(cookie).statusCode());
        assertEquals(200, http.login(username, PASSWORD).statusCode(), "the same account as POST /register makes");
        assertEquals(
                303, browser.get("portal/register").statusCode(), "a signed-in browser is sent on, not asked again");
    }

    @Test
    void theRulesOfRegistrationAreShownBesideTheirFieldsAndNothingIsCreated() {
        HttpResponse<String> weak = signUp(uniqueUsername("weak"), "short", null);
        assertEquals(400, weak.statusCode());
        assertTrue(weak.body().contains("id=\"password-error\">The password must be at least 8"), weak.body());
        assertEquals(null, browser.cookie("auth_session"));

        String taken = registered("taken");
        HttpResponse<String> again = signUp(taken, PASSWORD, null);
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("id=\"username-error\">That username is already taken."), again.body());

        // A space makes it no username; the form shows what was typed, escaped.
        HttpResponse<String> hostile = signUp("<script>alert(1) </script>", PASSWORD, null);
        assertEquals(400, hostile.statusCode());
        assertFalse(hostile.body().contains("<script>alert"), hostile.body());
        assertTrue(hostile.body().contains("value=\"&lt;script&gt;alert(1) &lt;/script&gt;\""), hostile.body());
        assertTrue(hostile.body().contains("id=\"username-error\""), hostile.body());
    }

    @Test
    void aSignUpWithoutTheBrowsersCsrfTokenIsForbidden() {
        String username = uniqueUsername("forged");
        HttpResponse<String> forged = browser.post(
                "portal/register", Map.of("csrf", "x".repeat(43), "username", username, "password", PASSWORD));

        assertEquals(403, forged.statusCode());
        assertEquals(401, http.login(username, PASSWORD).statusCode());
    }

    /**
     * The deployment's ten sign-ups an hour from one address (the default), counted whether they
     * succeed or not; the clock then moves on an hour, for the other tests.
     */
    @Test
    void signUpsFromOneAddressAreCountedAndRefusedBeyondTheHourlyShare() {
        try {
            HttpResponse<String> answer = null;
            int tries = 0;
            while (tries < 11) {
                tries++;
                answer = signUp(uniqueUsername("many"), PASSWORD, null);
                if (answer.statusCode() == 429) {
                    break;
                }
                assertEquals(303, answer.statusCode(), answer.body());
            }
            assertEquals(429, answer.statusCode(), "refused after " + tries + " sign-ups");
            assertTrue(answer.headers().firstValue("Retry-After").isPresent());
            assertTrue(answer.body().contains("Too many accounts were created from your network."), answer.body());
            assertEquals(
                    201, http.register(uniqueUsername("api"), PASSWORD).statusCode(), "POST /register is not counted");
        } finally {
            http.advanceClock(Duration.ofMinutes(61));
        }
        assertEquals(303, signUp(uniqueUsername("next-hour"), PASSWORD, null).statusCode());
    }

    private HttpResponse<String> signUp(String username, String password, String rd) {
        PortalBrowser fresh = new PortalBrowser(http, PORTAL);
        browser = fresh;
        Map<String, String> form = new HashMap<>();
        form.put("csrf", browser.csrfToken());
        form.put("username", username);
        form.put("password", password);
        if (rd != null) {
            form.put("rd", rd);
        }
        return browser.post("portal/register", form);
    }
}
