package dev.authservice.it.portal;

import static dev.authservice.it.support.TestMailServer.awaitMessages;
import static dev.authservice.it.support.TestMailServer.body;
import static dev.authservice.it.support.TestMailServer.subject;
import static dev.authservice.it.support.TestMailServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.PortalBrowser;
import dev.authservice.it.support.TestAuthenticator;
import jakarta.json.Json;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Forgot your password?": the same answer whatever it names, a link by email that works once
 * for fifteen minutes, the second factor proved on its page, and a new password that ends every
 * other way in, opens a locked account and signs the person in.
 */
class PasswordResetIT extends PortalDeployment {

    static final String NEW_PASSWORD = "a brand new horse";
    static final String RESET_COOKIE = "__Host-auth_reset";

    @Test
    void theLinkArrivesSetsANewPasswordOnceAndEndsEveryOtherSession() {
        String username = withConfirmedAddress("forgot");
        String oldSession = HttpClientSupport.token(http.login(username, PASSWORD));

        HttpResponse<String> asked = askForReset(username);
        assertEquals(200, asked.statusCode());
        assertTrue(asked.body().contains("on its way"), asked.body());
        MimeMessage message = awaitMessages(addressOf(username), 1).get(0);
        assertEquals("Reset your password for " + TITLE, subject(message));
        assertTrue(body(message).contains(PORTAL + "/portal/reset?token="), body(message));
        String link = token(message);

        HttpResponse<String> opened = browser.get("portal/reset?token=" + link);
        assertEquals(303, opened.statusCode());
        assertEquals("/portal/reset", PortalBrowser.location(opened).getPath());
        assertEquals(null, PortalBrowser.location(opened).getQuery(), "the token leaves the address bar");
        assertNotNull(PortalBrowser.setCookie(opened, RESET_COOKIE));
        HttpResponse<String> form = browser.get("portal/reset");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("id=\"set-password\""), form.body());

        HttpResponse<String> reset = setNewPassword(browser, NEW_PASSWORD);
        assertEquals(303, reset.statusCode(), reset.body());
        assertTrue(PortalBrowser.location(reset).toString().endsWith("/portal/account?done=password-reset"));
        assertEquals(200, sessionOfCookie(browser.cookie("auth_session")).statusCode(), "signed in");
        assertEquals(401, http.session(oldSession).statusCode(), "every other session ended");
        assertEquals(401, http.login(username, PASSWORD).statusCode());
        assertEquals(200, http.login(username, NEW_PASSWORD).statusCode());

        PortalBrowser another = new PortalBrowser(http, PORTAL);
        assertEquals(404, another.get("portal/reset?token=" + link).statusCode(), "the link works once");
    }

    @Test
    void aLinkOlderThanFifteenMinutesRefuses() {
        String username = withConfirmedAddress("late");
        askForReset(username);
        String link = token(awaitMessages(addressOf(username), 1).get(0));
        http.advanceClock(Duration.ofMinutes(15).plusSeconds(1));
        HttpResponse<String> late = browser.get("portal/reset?token=" + link);
        assertEquals(404, late.statusCode());
        assertTrue(late.body().contains("expired"), late.body());
    }

    @Test
    void aLinkDiesWhenThePasswordChangesAnotherWay() {
        String username = withConfirmedAddress("changed");
        askForReset(username);
        String link = token(awaitMessages(addressOf(username), 1).get(0));
        assertEquals(303, browser.get("portal/reset?token=" + link).statusCode());
        String session = HttpClientSupport.token(http.login(username, PASSWORD));
        assertEquals(
                200,
                http.postJson(
                                "password",
                                session,
                                Json.createObjectBuilder()
                                        .add("current_password", PASSWORD)
                                        .add("new_password", NEW_PASSWORD)
                                        .build()
                                        .toString())
                        .statusCode());
        assertEquals(404, setNewPassword(browser, "yet another horse").statusCode());
        assertEquals(200, http.login(username, NEW_PASSWORD).statusCode());
    }

    @Test
    void anAccountWithTwoFactorProvesItsCodeBeforeTheNewPassword() {
        String username = withConfirmedAddress("totp");
        TestAuthenticator app = enrolled(username);
        askForReset(username);
        String link = token(awaitMessages(addressOf(username), 1).get(0));
        assertEquals(303, browser.get("portal/reset?token=" + link).statusCode());
        HttpResponse<String> page = browser.get("portal/reset");
        assertTrue(page.body().contains("id=\"code\""), page.body());
        assertFalse(page.body().contains("id=\"set-password\""), "no password before the code");

        assertEquals(401, setNewPassword(browser, NEW_PASSWORD).statusCode(), "the code is not skipped");
        HttpResponse<String> wrong =
                browser.post("portal/reset/second-factor", Map.of("csrf", browser.csrfToken(), "code", "000000"));
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> proved = browser.post(
                "portal/reset/second-factor", Map.of("csrf", browser.csrfToken(), "code", app.codeAt(http.clock())));
        assertEquals(303, proved.statusCode(), proved.body());
        assertTrue(browser.get("portal/reset").body().contains("id=\"set-password\""));
        assertEquals(303, setNewPassword(browser, NEW_PASSWORD).statusCode());
        http.advanceClock(Duration.ofSeconds(30));
        assertEquals(
                200,
                http.postJson(
                                "login",
                                Json.createObjectBuilder()
                                        .add("username", username)
                                        .add("password", NEW_PASSWORD)
                                        .add("otp", app.codeAt(http.clock()))
                                        .build()
                                        .toString())
                        .statusCode(),
                "the second factor stays");
    }

    @Test
    void aResetOpensAnAccountTheThrottleLocked() {
        String username = withConfirmedAddress("locked");
        int status = 0;
        for (int i = 0; i < 20 && status != 429; i++) {
            status = http.login(username, "wrong password " + i).statusCode();
        }
        assertEquals(429, status, "locked");
        askForReset(username);
        MimeMessage reset = awaitMessages(addressOf(username), 2).stream()
                .filter(m -> subject(m).startsWith("Reset"))
                .findFirst()
                .orElseThrow();
        assertEquals(303, browser.get("portal/reset?token=" + token(reset)).statusCode());
        assertEquals(303, setNewPassword(browser, NEW_PASSWORD).statusCode());
        assertEquals(200, http.login(username, NEW_PASSWORD).statusCode(), "open at once");
    }

    @Test
    void theAnswerIsTheSameForAnAccountAndForNoAccount() {
        String username = withConfirmedAddress("known");
        String unknown = "nobody-" + username;
        String known = stripped(askForReset(username).body());
        assertEquals(known, stripped(askForReset(unknown).body()));
        assertEquals(known, stripped(askForReset(unknown + "@example.test").body()));
    }

    @Test
    void nativeClientsAskThroughTheJsonApiWithTheSameAnswerForNoAccount() {
        String username = withConfirmedAddress("api");
        HttpResponse<String> known = http.postJson("password/reset", "{\"identifier\":\"" + username + "\"}");
        HttpResponse<String> unknown = http.postJson("password/reset", "{\"identifier\":\"nobody-" + username + "\"}");
        assertEquals(202, known.statusCode(), known.body());
        assertEquals(known.statusCode(), unknown.statusCode());
        assertEquals(known.body(), unknown.body());
        assertTrue(token(awaitMessages(addressOf(username), 1).get(0)).length() == 43);
        assertEquals(400, http.postJson("password/reset", "{}").statusCode());
    }

    @Test
    void requestsAreThrottledAlikeForAnAccountAndForNoAccount() {
        String username = withConfirmedAddress("busy");
        String unknown = "nobody-" + username;
        int knownRefusedAt = refusedAt(username);
        int unknownRefusedAt = refusedAt(unknown);
        assertEquals(6, knownRefusedAt, "auth.throttle.password-resets-per-account-per-hour=5, then 429");
        assertEquals(knownRefusedAt, unknownRefusedAt);
    }

    /**
     * The time of a request for an account beside one for no account, alternating, each name asked
     * for once: printed for docs/email.md (the ratio of the medians), not asserted. The answers
     * themselves must be the same.
     */
    @Test
    void askingForAnAccountCostsWhatAskingForNoneCosts() {
        // 25 in the suite; docs/email.md's figures come from -Dreset.timing.samples=101.
        int samples = Integer.getInteger("reset.timing.samples", 25);
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            accounts.add(withConfirmedAddress("timed"));
        }
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        PortalBrowser someone = new PortalBrowser(http, PORTAL);
        String csrf = someone.csrfToken();
        for (int i = 0; i < samples; i++) {
            // Each first on every other round, so that neither gains from its place.
            List<String> pair = List.of(accounts.get(i), "nobody-" + accounts.get(i));
            List<String> order = i % 2 == 0 ? pair : List.of(pair.get(1), pair.get(0));
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (String identifier : order) {
                long start = System.nanoTime();
                answers.add(someone.post("portal/forgot", Map.of("csrf", csrf, "identifier", identifier)));
                (identifier.startsWith("nobody-") ? unknown : known).add(System.nanoTime() - start);
            }
            assertEquals(answers.get(0).statusCode(), answers.get(1).statusCode());
            assertEquals(answers.get(0).body(), answers.get(1).body());
        }
        known.sort(Long::compare);
        unknown.sort(Long::compare);
        System.out.printf(
                "PasswordResetIT: of %d requests each, the median for an account %.2f ms, for no account %.2f ms, ratio %.3f%n",
                samples,
                known.get(samples / 2) / 1e6,
                unknown.get(samples / 2) / 1e6,
                (double) known.get(samples / 2) / unknown.get(samples / 2));
    }

    private int refusedAt(String identifier) {
        for (int i = 1; i <= 10; i++) {
            if (askForReset(identifier).statusCode() == 429) {
                return i;
            }
        }
        return -1;
    }

    /** The page without its CSRF token, which differs per browser. */
    private static String stripped(String page) {
        return page.replaceAll("name=\"csrf\" value=\"[^\"]*\"", "");
    }

    private static HttpResponse<String> setNewPassword(PortalBrowser browser, String password) {
        return browser.post("portal/reset", Map.of("csrf", browser.csrfToken(), "password", password));
    }
}
