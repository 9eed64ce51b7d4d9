package dev.authservice.it;

import static dev.authservice.it.HttpClientSupport.uniqueUsername;
import static dev.authservice.it.PortalBrowser.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account page at the HTTP level, as a browser without JavaScript uses it: every form is a
 * use case of the JSON API with the same re-authentication, refuses a forged post, and shows
 * nothing typed or stored unescaped. This deployment turns passkey-only sign-in off.
 */
@ExtendWith(ArquillianExtension.class)
class AccountPageIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String PORTAL = "https://auth.example.test";
    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");
    private static final Pattern CODE = Pattern.compile("<li><code>([A-Z2-7-]+)</code></li>");

    @ArquillianResource
    URL base;

    private HttpClientSupport http;
    private PortalBrowser browser;
    private String username;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.authService(
                "account-page",
                Map.of(
                        "auth.portal.url", PORTAL,
                        "auth.cookie.domain", "example.test",
                        "auth.webauthn.passwordless", "false"));
    }

    @BeforeEach
    void signedInBrowser() {
        http = new HttpClientSupport(base);
        browser = new PortalBrowser(http, PORTAL);
        username = uniqueUsername("page");
        assertEquals(201, http.register(username, PASSWORD).statusCode());
        assertEquals(303, browser.signIn(username, PASSWORD, null).statusCode());
    }

    private HttpResponse<String> submit(String path, String... fields) {
        Map<String, String> form = new HashMap<>();
        form.put("csrf", browser.csrfToken());
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return browser.post("portal/account/" + path, form);
    }

    @Test
    void thePageSaysWhoIsSignedInAndListsThisBrowsersSession() {
        HttpResponse<String> page = browser.get("portal/account");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"username\">" + username + "<"), page.body());
        assertTrue(page.body().contains("This browser"), page.body());
        assertTrue(page.body().contains("id=\"totp-state\">Off."), page.body());
    }

    @Test
    void withoutASessionThePageSendsTheBrowserToSignIn() {
        PortalBrowser stranger = new PortalBrowser(http, PORTAL);

        HttpResponse<String> page = stranger.get("portal/account");

        assertEquals(303, page.statusCode());
        assertEquals(URI.create(PORTAL + "/portal/login"), location(page));
    }

    @Test
    void everyFormRefusesAPostWithoutTheBrowsersCsrfToken() {
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
        HttpResponse<String> refused =
                submit("password", "current_password", "not my password", "new_password", "a brand new horse");

        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("id=\"password-error\">The current password is wrong.<"), refused.body());
        assertEquals(200, http.login(username, PASSWORD).statusCode());
    }

    @Test
    void thePolicysMessageIsShownBesideTheNewPassword() {
        HttpResponse<String> refused = submit("password", "current_password", PASSWORD, "new_password", "short");

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("id=\"password-error\">The password must be at least"), refused.body());
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAndKeepsThisOne() {
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
        HttpResponse<String> enrolment = submit("totp", "password", PASSWORD);
        assertEquals(200, enrolment.statusCode());
        assertTrue(enrolment.body().contains("src=\"data:image/png;base64,"), enrolment.body());
        Matcher secret = SECRET.matcher(enrolment.body());
        assertTrue(secret.find(), enrolment.body());

        HttpResponse<String> confirmed =
                submit("totp/confirm", "code", new TestAuthenticator(secret.group(1)).codeAt(http.clock()));

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
        HttpResponse<String> refused = submit("recovery-codes.txt", "codes", "<script>alert(1)</script>");

        assertEquals(400, refused.statusCode());
        assertFalse(refused.body().contains("<script>alert"), refused.body());
    }

    @Test
    void aNoticeIsChosenByKeyAndNeverEchoed() {
        HttpResponse<String> page = browser.get("portal/account?done=%3Cscript%3Ealert(1)%3C/script%3E");

        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("alert(1)"), page.body());
        assertFalse(page.body().contains("id=\"notice\""), page.body());
    }

    @Test
    void aDeviceNameFromTheUserAgentIsShownEscaped() {
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
        assertEquals(401, submit("delete", "password", "wrong password").statusCode());

        HttpResponse<String> deleted = submit("delete", "password", PASSWORD);

        assertEquals(200, deleted.statusCode());
        assertTrue(deleted.body().contains("Account deleted"), deleted.body());
        assertTrue(PortalBrowser.setCookie(deleted, "auth_session").contains("Max-Age=0"));
        assertEquals(401, http.login(username, PASSWORD).statusCode());
    }

    @Test
    void withPasswordlessOffTheSignInPageOffersNoPasskeyAndTheApiRefuses() {
        PortalBrowser stranger = new PortalBrowser(http, PORTAL);

        assertFalse(stranger.get("portal/login").body().contains("sign-in-passkey"));
        HttpResponse<String> options = http.postJson("webauthn/login/options", "{}");
        ProblemAssertions.assertProblem(403, options);
    }
}
