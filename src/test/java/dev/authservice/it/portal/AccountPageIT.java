package dev.authservice.it.portal;

import static dev.authservice.it.support.PortalBrowser.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.PortalBrowser;
import dev.authservice.it.support.TestAuthenticator;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The account page as a browser without JavaScript uses it: every form a use case of the JSON API, with the same re-authentication. */
class AccountPageIT extends PortalDeployment {

    @Test
    void thePageSaysWhoIsSignedInAndListsThisBrowsersSession() {
        String username = signedInAccount();
        HttpResponse<String> page = browser.get("portal/account");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"username\">" + username + "<"), page.body());
        assertTrue(page.body().contains("This browser"), page.body());
        assertTrue(page.body().contains("id=\"totp-state\">Off."), page.body());
    }

    @Test
    void withoutASessionTheAccountPageSendsTheBrowserToSignIn() {
        PortalBrowser stranger = new PortalBrowser(http, PORTAL);

        HttpResponse<String> page = stranger.get("portal/account");

        assertEquals(303, page.statusCode());
        assertEquals(URI.create(PORTAL + "/portal/login"), location(page));
    }

    @Test
    void everyFormRefusesAPostWithoutTheBrowsersCsrfToken() {
        String username = signedInAccount();
        for (String path : List.of(
                "password",
                "sessions/sign-out",
                "sessions/sign-out-others",
                "totp",
                "totp/confirm",
                "totp/disable",
                "recovery-codes.txt",
                "passkeys/new",
                "passkeys",
                "passkeys/rename",
                "passkeys/remove",
                "delete")) {
            HttpResponse<String> forged =
                    browser.post("portal/account/" + path, Map.of("csrf", "x".repeat(43), "password", PASSWORD));
            assertEquals(403, forged.statusCode(), path);
        }
        assertEquals(200, http.login(username, PASSWORD).statusCode(), "the account is untouched");
    }

    @Test
    void aWrongCurrentPasswordIsShownBesideTheFormAndChangesNothing() {
        String username = signedInAccount();
        HttpResponse<String> refused =
                submit("password", "current_password", "not my password", "new_password", "a brand new horse");

        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("id=\"password-error\">The current password is wrong.<"), refused.body());
        assertEquals(200, http.login(username, PASSWORD).statusCode());
    }

    @Test
    void thePolicysMessageIsShownBesideTheNewPassword() {
        signedInAccount();
        HttpResponse<String> refused = submit("password", "current_password", PASSWORD, "new_password", "short");

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("id=\"password-error\">The password must be at least"), refused.body());
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAndKeepsThisOne() {
        String username = signedInAccount();
        String other = HttpClientSupport.token(http.login(username, PASSWORD));

        HttpResponse<String> changed =
                submit("password", "current_password", PASSWORD, "new_password", "a brand new horse");

        assertEquals(303, changed.statusCode());
        assertEquals(URI.create(PORTAL + "/portal/account?done=password"), location(changed));
        assertEquals(401, http.session(other).statusCode());
        assertEquals(200, browser.get("portal/account").statusCode());
        assertEquals(200, http.login(username, "a brand new horse").statusCode());
    }

    @Test
    void signingOutEverywhereElseNeedsThePasswordAndEndsOnlyTheOthers() {
        String username = signedInAccount();
        String other = HttpClientSupport.token(http.login(username, PASSWORD));
        assertEquals(
                401,
                submit("sessions/sign-out-others", "password", "wrong password").statusCode());
        assertEquals(200, http.session(other).statusCode());

        HttpResponse<String> done = submit("sessions/sign-out-others", "password", PASSWORD);

        assertEquals(URI.create(PORTAL + "/portal/account?done=sessions"), location(done));
        assertEquals(401, http.session(other).statusCode());
        assertTrue(browser.get("portal/account?done=sessions").body().contains("Every other session has ended."));
    }

    @Test
    void totpIsTurnedOnWithTheKeyShownBesideItsQrCodeAndTheRecoveryCodesSaveAsAFile() {
        String username = signedInAccount();
        HttpResponse<String> enrolment = submit("totp", "password", PASSWORD);
        assertEquals(200, enrolment.statusCode());
        assertTrue(enrolment.body().contains("src=\"data:image/png;base64,"), enrolment.body());
        Matcher secret = SECRET.matcher(enrolment.body());
        assertTrue(secret.find(), enrolment.body());

        HttpResponse<String> confirmed = submit(
                "totp/confirm", "code", new TestAuthenticator(secret.group(1).replace(" ", "")).codeAt(http.clock()));

        assertEquals(200, confirmed.statusCode(), confirmed.body());
        Matcher code = CODE.matcher(confirmed.body());
        StringBuilder codes = new StringBuilder();
        while (code.find()) {
            codes.append(code.group(1)).append('\n');
        }
        assertEquals(10, codes.toString().lines().count());
        HttpResponse<String> file = submit("recovery-codes.txt", "codes", codes.toString());
        assertEquals(200, file.statusCode());
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(file.body().contains(codes.toString()), file.body());
        assertEquals(401, http.login(username, PASSWORD).statusCode(), "a code is needed now");
    }

    @Test
    void theRecoveryCodeFileWritesNothingButRecoveryCodes() {
        signedInAccount();
        HttpResponse<String> refused = submit("recovery-codes.txt", "codes", "<script>alert(1)</script>");

        assertEquals(400, refused.statusCode());
        assertFalse(refused.body().contains("<script>alert"), refused.body());
    }

    @Test
    void aNoticeIsChosenByKeyAndNeverEchoed() {
        signedInAccount();
        HttpResponse<String> page = browser.get("portal/account?done=%3Cscript%3Ealert(1)%3C/script%3E");

        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("alert(1)"), page.body());
        assertFalse(page.body().contains("id=\"notice\""), page.body());
    }

    @Test
    void aDeviceNameFromTheUserAgentIsShownEscaped() {
        String username = signedInAccount();
        http.send(http.request("login")
                .header("Content-Type", "application/json")
                .header("User-Agent", "<img src=x onerror=alert(1)>")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        HttpClientSupport.credentials(username, PASSWORD))));

        String page = browser.get("portal/account").body();

        assertFalse(page.contains("<img src=x"), page);
        assertTrue(page.contains("&lt;img src"), page);
    }

    @Test
    void deletingTheAccountNeedsThePasswordAndSignsTheBrowserOut() {
        String username = signedInAccount();
        assertEquals(401, submit("delete", "password", "wrong password").statusCode());

        HttpResponse<String> deleted = submit("delete", "password", PASSWORD);

        assertEquals(200, deleted.statusCode());
        assertTrue(deleted.body().contains("Account deleted"), deleted.body());
        assertTrue(PortalBrowser.setCookie(deleted, "auth_session").contains("Max-Age=0"));
        assertEquals(401, http.login(username, PASSWORD).statusCode());
    }
}
