package dev.authservice.it.portal;

import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static dev.authservice.it.support.PortalBrowser.location;
import static dev.authservice.it.support.PortalBrowser.setCookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signing in with the password: the session cookie, where the browser goes next, failures and throttling. */
class SigningInIT extends PortalDeployment {

    @Test
    void signingInSetsTheSessionCookieAndSendsTheBrowserBackToThePageItAskedFor() {
        String username = registered("portal");
        HttpResponse<String> signedIn = browser.signIn(username, PASSWORD, REPORTS);
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        assertEquals(URI.create(REPORTS), location(signedIn));
        String cookie = setCookie(signedIn, "auth_session");
        for (String attribute :
                List.of("; Path=/", "; HttpOnly", "; Secure", "; SameSite=Lax", "; Domain=example.test")) {
            assertTrue(cookie.contains(attribute), cookie);
        }
        assertFalse(cookie.contains("Max-Age") || cookie.contains("Expires"), "ends with the browser: " + cookie);
        HttpResponse<String> check = sessionOfCookie(browser.cookie("auth_session"));
        assertEquals(200, check.statusCode());
        assertEquals(username, check.headers().firstValue("X-Auth-User").orElse(null));
    }

    @Test
    void keepMeSignedInMakesTheCookieLastTheSessionsAbsoluteLifetime() {
        String username = registered("keep");
        Map<String, String> form = new LinkedHashMap<>(
                Map.of("csrf", browser.csrfToken(), "username", username, "password", PASSWORD, "keep", "on"));
        String cookie = setCookie(browser.post("portal/login", form), "auth_session");
        assertTrue(cookie.contains("; Max-Age=43200"), "auth.session.absolute-timeout=PT12H: " + cookie);
    }

    @Test
    void withoutAnAllowedRdTheBrowserLandsOnTheAccountPageThatSaysWhoIsSignedIn() {
        String username = registered("landing");
        HttpResponse<String> signedIn = browser.signIn(username, PASSWORD, null);
        assertEquals(URI.create(ACCOUNT_PAGE), location(signedIn));
        HttpResponse<String> account = browser.get("portal/account");
        assertEquals(200, account.statusCode());
        assertTrue(account.body().contains(">" + username + "<"), account.body());
    }

    @Test
    void aSignedInBrowserIsSentStraightOnFromTheSignInPage() {
        browser.signIn(registered("again"), PASSWORD, null);
        HttpResponse<String> page =
                browser.get("portal/login?rd=" + URLEncoder.encode(REPORTS, StandardCharsets.UTF_8));
        assertEquals(303, page.statusCode());
        assertEquals(URI.create(REPORTS), location(page));
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSamePageAnd401() {
        String username = registered("wrong");
        HttpResponse<String> wrongPassword = browser.signIn(username, "not the password", null);
        HttpResponse<String> unknown = browser.signIn(uniqueUsername("nobody"), PASSWORD, null);
        for (HttpResponse<String> refused : List.of(wrongPassword, unknown)) {
            assertEquals(401, refused.statusCode());
            assertTrue(refused.body().contains("Invalid username or password."), refused.body());
            assertNull(setCookie(refused, "auth_session"));
        }
        assertEquals(
                wrongPassword.body().replaceAll("value=\"[^\"]*\"", ""),
                unknown.body().replaceAll("value=\"[^\"]*\"", ""),
                "nothing but the name typed tells them apart");
    }

    @Test
    void whatWasTypedIsShownEscaped() {
        String hostile = "<script>alert(1)</script>\"' onfocus=\"alert(2)";
        HttpResponse<String> refused = browser.signIn(hostile, PASSWORD, null);
        assertEquals(401, refused.statusCode());
        assertFalse(refused.body().contains("<script>"), refused.body());
        assertFalse(refused.body().contains("\" onfocus"), refused.body());
        assertTrue(refused.body().contains("&lt;script&gt;"), refused.body());
    }

    @Test
    void repeatedFailuresAreThrottledWithAPageThatSaysWhenToRetry() {
        String username = registered("throttled");
        HttpResponse<String> last = null;
        for (int i = 0; i < 7; i++) {
            last = browser.signIn(username, "wrong " + i, null);
        }
        assertEquals(429, last.statusCode(), last.body());
        long retryAfter =
                Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(last.body().contains("Try again in " + retryAfter + " seconds"), last.body());
        assertEquals(429, browser.signIn(username, PASSWORD, null).statusCode(), "even with the right password");
    }

    @Test
    void aFormLargerThanTheBodyLimitIs413BeforeItIsRead() {
        HttpResponse<String> refused = browser.post(
                "portal/login",
                Map.of("csrf", browser.csrfToken(), "username", "a".repeat(20_000), "password", PASSWORD));
        assertEquals(413, refused.statusCode(), "auth.request.max-body-bytes=16384");
        assertNull(browser.cookie("auth_session"));
    }
}
