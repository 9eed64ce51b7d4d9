package dev.authservice.it.portal;

import static dev.authservice.it.support.PortalBrowser.location;
import static dev.authservice.it.support.PortalBrowser.setCookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.Administrator;
import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.PortalBrowser;
import dev.authservice.it.support.TestAuthenticator;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The second-factor step of a browser's sign-in: TOTP or a recovery code, single use, bound to the browser, ended by every change that ends the user's sessions. */
class SecondFactorStepIT extends PortalDeployment {

    @Test
    void anAccountWithASecondFactorSignsInWithItsCodeOnASecondPage() {
        String username = registered("mfa");
        TestAuthenticator app = enrolled(username);
        HttpResponse<String> password = browser.signIn(username, PASSWORD, REPORTS);
        assertEquals(303, password.statusCode());
        assertEquals(URI.create(PORTAL + "/portal/login/second-factor"), location(password));
        assertNull(setCookie(password, "auth_session"), "a proved password alone is no session");
        String pending = setCookie(password, "__Host-auth_pending");
        assertTrue(pending.contains("; Max-Age=300") && pending.contains("; SameSite=Strict"), pending);

        HttpResponse<String> page = browser.get("portal/login/second-factor");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<label for=\"code\">"), page.body());

        String csrf = browser.csrfToken();
        HttpResponse<String> wrong = browser.post("portal/login/second-factor", Map.of("csrf", csrf, "code", "000000"));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("wrong"), wrong.body());
        assertNull(browser.cookie("auth_session"));

        HttpResponse<String> right =
                browser.post("portal/login/second-factor", Map.of("csrf", csrf, "code", app.codeAt(http.clock())));
        assertEquals(303, right.statusCode(), right.body());
        assertEquals(URI.create(REPORTS), location(right));
        assertEquals(
                username,
                sessionOfCookie(browser.cookie("auth_session"))
                        .headers()
                        .firstValue("X-Auth-User")
                        .orElse(null));
        assertNull(browser.cookie("__Host-auth_pending"), "the pending step is over");
    }

    @Test
    void aRecoveryCodeAlsoFinishesTheSignIn() {
        String username = registered("recovery");
        enrolled(username);
        browser.signIn(username, PASSWORD, null);
        HttpResponse<String> done =
                browser.post("portal/login/second-factor", Map.of("csrf", browser.csrfToken(), "code", recoveryCode));
        assertEquals(303, done.statusCode(), done.body());
        assertEquals(URI.create(ACCOUNT_PAGE), location(done));
    }

    @Test
    void thePendingStepIsSingleUseAndBoundToThisBrowser() {
        String username = registered("bound");
        TestAuthenticator app = enrolled(username);
        browser.signIn(username, PASSWORD, null);
        String pending = browser.cookie("__Host-auth_pending");

        PortalBrowser elsewhere = new PortalBrowser(http, PORTAL);
        HttpResponse<String> noPending = elsewhere.post(
                "portal/login/second-factor", Map.of("csrf", elsewhere.csrfToken(), "code", app.codeAt(http.clock())));
        assertEquals(401, noPending.statusCode(), "another browser has no pending sign-in");
        assertNull(elsewhere.cookie("auth_session"));

        String code = app.codeAt(http.clock());
        assertEquals(
                303,
                browser.post("portal/login/second-factor", Map.of("csrf", browser.csrfToken(), "code", code))
                        .statusCode());
        browser.setCookie("__Host-auth_pending", pending);
        http.advanceClock(Duration.ofSeconds(30));
        HttpResponse<String> replay = browser.post(
                "portal/login/second-factor", Map.of("csrf", browser.csrfToken(), "code", app.codeAt(http.clock())));
        assertEquals(401, replay.statusCode());
        assertTrue(replay.body().contains("expired"), replay.body());
    }

    /**
     * A sign-in waiting for its code when the password changes or the user's sessions are ended
     * (by the user or an administrator) cannot finish into a new session: the change ends it too.
     */
    @ParameterizedTest
    @ValueSource(strings = {"password", "logout-all", "admin-password", "admin-logout"})
    void aWaitingSignInEndsWithEveryChangeThatEndsTheUsersSessions(String change) {
        String username = registered("pending-" + change);
        TestAuthenticator app = enrolled(username);
        String own = HttpClientSupport.token(http.postJson(
                "login",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"otp\":\""
                        + app.codeAt(http.clock()) + "\"}"));
        http.advanceClock(Duration.ofSeconds(30));
        assertEquals(303, browser.signIn(username, PASSWORD, null).statusCode());
        assertNotNull(browser.cookie("__Host-auth_pending"), "the password step waits for its code");

        HttpResponse<String> changed = switch (change) {
            case "password" ->
                http.postJson(
                        "password",
                        own,
                        "{\"current_password\":\"" + PASSWORD
                                + "\",\"new_password\":\"another horse battery\",\"otp\":\"" + app.codeAt(http.clock())
                                + "\"}");
            case "logout-all" -> http.postWithBearer("logout-all", own);
            case "admin-password" ->
                http.postJson(
                        "admin/users/" + username + "/password",
                        Administrator.token(http),
                        "{\"password\":\"another horse battery\"}");
            default -> http.postWithBearer("admin/users/" + username + "/logout", Administrator.token(http));
        };
        assertEquals(200, changed.statusCode(), changed.body());
        http.advanceClock(Duration.ofSeconds(30));

        HttpResponse<String> finish = browser.post(
                "portal/login/second-factor", Map.of("csrf", browser.csrfToken(), "code", app.codeAt(http.clock())));
        assertEquals(401, finish.statusCode(), change + ": " + finish.body());
        assertNull(browser.cookie("auth_session"), change + " ended the waiting sign-in");
    }

    @Test
    void thePendingStepExpiresAfterFiveMinutes() {
        String username = registered("slow");
        TestAuthenticator app = enrolled(username);
        browser.signIn(username, PASSWORD, null);
        http.advanceClock(Duration.ofMinutes(5));
        HttpResponse<String> late = browser.post(
                "portal/login/second-factor", Map.of("csrf", browser.csrfToken(), "code", app.codeAt(http.clock())));
        assertEquals(401, late.statusCode());
        assertTrue(late.body().contains("expired"), late.body());
        assertEquals(303, browser.get("portal/login/second-factor").statusCode(), "back to the start");
    }

    @Test
    void wrongCodesAreThrottledLikeLogins() {
        String username = registered("guess");
        enrolled(username);
        browser.signIn(username, PASSWORD, null);
        String csrf = browser.csrfToken();
        HttpResponse<String> last = null;
        for (int i = 0; i < 7; i++) {
            last = browser.post("portal/login/second-factor", Map.of("csrf", csrf, "code", "00000" + i));
        }
        assertEquals(429, last.statusCode(), last.body());
        assertTrue(last.headers().firstValue("Retry-After").isPresent());
    }
}
