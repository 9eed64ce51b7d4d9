package dev.authservice.it.portal;

import static dev.authservice.it.support.PortalBrowser.location;
import static dev.authservice.it.support.PortalBrowser.setCookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signing out: the session and the cookie end, and the browser goes to an allowed rd or the sign-in page. */
class SigningOutIT extends PortalDeployment {

    @Test
    void signingOutEndsTheSessionClearsTheCookieAndGoesToAnAllowedRd() {
        String username = registered("bye");
        browser.signIn(username, PASSWORD, null);
        String token = browser.cookie("auth_session");
        HttpResponse<String> page =
                browser.get("portal/logout?rd=" + URLEncoder.encode(REPORTS, StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<button type=\"submit\" id=\"sign-out\">"), page.body());
        assertEquals(200, sessionOfCookie(token).statusCode(), "showing the page signs nobody out");

        HttpResponse<String> out = browser.post("portal/logout", Map.of("csrf", browser.csrfToken(), "rd", REPORTS));
        assertEquals(303, out.statusCode());
        assertEquals(URI.create(REPORTS), location(out));
        String cleared = setCookie(out, "auth_session");
        assertTrue(cleared.startsWith("auth_session=;") && cleared.contains("Max-Age=0"), cleared);
        assertTrue(cleared.contains("; Domain=example.test"), "the cookie that was set: " + cleared);
        assertEquals(401, sessionOfCookie(token).statusCode());
    }

    @Test
    void withoutAnAllowedRdSigningOutLandsOnTheSignInPageThatSaysSo() {
        browser.signIn(registered("bye-default"), PASSWORD, null);
        HttpResponse<String> out =
                browser.post("portal/logout", Map.of("csrf", browser.csrfToken(), "rd", "https://evil.com/"));
        assertEquals(URI.create(PORTAL + "/portal/login?done=signed-out"), location(out));
        HttpResponse<String> landing = browser.get("portal/login?done=signed-out");
        assertTrue(landing.body().contains("You have been signed out."), landing.body());
        assertTrue(landing.body().contains("id=\"sign-in\""), "and the sign-in form");
        assertFalse(
                browser.get("portal/login?done=%3Cb%3Eowned").body().contains("owned"),
                "the notice is chosen by a fixed key, never text from the request");
    }

    @Test
    void theSignOutPageOfABrowserNotSignedInSaysSoAndOffersToSignIn() {
        HttpResponse<String> page = browser.get("portal/logout");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("You are not signed in."), page.body());
        assertTrue(page.body().contains("href=\"" + PORTAL + "/portal/login\""), page.body());
        assertFalse(page.body().contains("id=\"sign-out\""), "no sign-out button for nobody: " + page.body());

        browser.signIn(registered("bye-page"), PASSWORD, null);
        assertTrue(browser.get("portal/logout").body().contains("id=\"sign-out\""), "while signed in, the button");
    }

    /** A person who types the service's address lands on the account page, or signs in first. */
    @Test
    void theServicesOwnAddressLeadsToTheAccountPage() {
        HttpResponse<String> root = browser.get("");
        assertEquals(303, root.statusCode(), root.body());
        assertEquals(URI.create(PORTAL + "/portal/account"), location(root));
    }

    @Test
    void theAccountPageSendsABrowserWithoutASessionToSignIn() {
        HttpResponse<String> account = browser.get("portal/account");
        assertEquals(303, account.statusCode());
        assertEquals(URI.create(PORTAL + "/portal/login"), location(account));
    }
}
