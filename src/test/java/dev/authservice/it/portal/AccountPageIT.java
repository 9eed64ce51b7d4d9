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
import java.util.regex.Pattern;
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

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
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
    void theAccountPageAsksForNoPasswordButEachActionHasAStepPageThatAsksOnce() {
        signedInAccount();
        String page = browser.get("portal/account").body();
        assertFalse(page.contains("name=\"password\""), "only the password change takes a password there: " + page);
        assertTrue(page.contains("id=\"current-password\""), page);

        for (String step : List.of("sign-out-others", "totp-on", "passkey-add", "delete")) {
            HttpResponse<String> stepPage = browser.get("portal/account/step?step=" + step);
            assertEquals(200, stepPage.statusCode(), step);
            assertEquals(1, count(stepPage.body(), "name=\"password\""), step + ": " + stepPage.body());
            assertFalse(stepPage.body().contains("name=\"otp\""), "no second factor, no code: " + stepPage.body());
            assertTrue(stepPage.body().contains("id=\"cancel\""), stepPage.body());
        }
        assertTrue(browser.get("portal/account/step?step=delete").body().contains("It cannot be undone."));
        assertTrue(browser.get("portal/account/step?step=delete")
                .body()
                .contains("action=\"" + PORTAL + "/portal/account/delete\""));
    }

    @Test
    void withTotpOnAStepAsksForTheCodeToo() {
        signedInAccount();
        Matcher secret = SECRET.matcher(submit("totp", "password", PASSWORD).body());
        assertTrue(secret.find());
        assertEquals(
                200,
                submit(
                                "totp/confirm",
                                "code",
                                new TestAuthenticator(secret.group(1).replace(" ", "")).codeAt(http.clock()))
                        .statusCode());

        String stepPage = browser.get("portal/account/step?step=totp-off").body();

        assertTrue(stepPage.contains("name=\"otp\""), stepPage);
        assertTrue(stepPage.contains("action=\"" + PORTAL + "/portal/account/totp/disable\""), stepPage);
    }

    @Test
    void aSessionsStepNamesItsDeviceAndAWrongPasswordIsShownThereAndChangesNothing() {
        String username = signedInAccount();
        String chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/131.0.0.0 Safari/537.36";
        String other = HttpClientSupport.token(http.send(http.request("login")
                .header("Content-Type", "application/json")
                .header("User-Agent", chrome)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        HttpClientSupport.credentials(username, PASSWORD)))));
        String account = browser.get("portal/account").body();
        assertTrue(account.contains(">Chrome on Linux</td>"), account);
        Matcher id = Pattern.compile(
                        "name=\"step\" value=\"sign-out-session\"><input type=\"hidden\" name=\"id\" value=\"([^\"]+)\"")
                .matcher(account);
        assertTrue(id.find(), account);

        HttpResponse<String> step = browser.get("portal/account/step?step=sign-out-session&id=" + id.group(1));
        assertEquals(200, step.statusCode());
        assertTrue(step.body().contains("The session of Chrome on Linux"), step.body());

        HttpResponse<String> refused = submit("sessions/sign-out", "id", id.group(1), "password", "not the password");
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("id=\"what\""), "the step page again: " + refused.body());
        assertTrue(refused.body().contains("role=\"alert\" id=\"error\""), refused.body());
        assertEquals(200, http.session(other).statusCode(), "the session lives on");

        HttpResponse<String> done = submit("sessions/sign-out", "id", id.group(1), "password", PASSWORD);
        assertEquals(URI.create(PORTAL + "/portal/account?done=session"), location(done));
        assertEquals(401, http.session(other).statusCode());
    }

    @Test
    void aStepForSomethingThatIsNotThePersonsIsNotFoundAndEchoesNothing() {
        String alice = signedInAccount();
        HttpResponse<String> unknownStep = browser.get("portal/account/step?step=%3Cscript%3E");
        assertEquals(404, unknownStep.statusCode());
        assertFalse(unknownStep.body().contains("<script>"), unknownStep.body());

        HttpResponse<String> thisBrowser = browser.get("portal/account/step?step=sign-out-session&id=x");
        assertEquals(404, thisBrowser.statusCode());
        HttpResponse<String> forged =
                browser.get("portal/account/step?step=passkey-remove&id=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
        assertEquals(404, forged.statusCode());
        assertFalse(forged.body().contains("<img src=x"), forged.body());
        assertTrue(http.session(HttpClientSupport.token(http.login(alice, PASSWORD)))
                        .statusCode()
                == 200);
    }

    @Test
    void aPasskeysNameIsShownEscapedOnThePageAndItsStep() {
        String username = signedInAccount();
        String token = HttpClientSupport.token(http.login(username, PASSWORD));
        HttpResponse<String> options = http.postJson(
                "webauthn/register/options",
                token,
                jakarta.json.Json.createObjectBuilder()
                        .add("password", PASSWORD)
                        .build()
                        .toString());
        assertEquals(200, options.statusCode(), options.body());
        String credential = new dev.authservice.it.support.SoftwarePasskey(PORTAL)
                .register(HttpClientSupport.json(options).getJsonObject("publicKey"));
        HttpResponse<String> registered = http.postJson(
                "webauthn/register",
                token,
                "{\"name\":\"<img src=x onerror=alert(1)>\",\"credential\":" + credential + "}");
        assertEquals(201, registered.statusCode(), registered.body());
        String id = HttpClientSupport.json(registered).getString("id");

        String page = browser.get("portal/account").body();
        String step = browser.get("portal/account/step?step=passkey-remove&id=" + encoded(id))
                .body();

        for (String html : List.of(page, step)) {
            assertFalse(html.contains("<img src=x"), html);
            assertTrue(html.contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;"), html);
        }
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
