package dev.authservice.it.portal;

import static dev.authservice.it.support.HttpClientSupport.json;
import static dev.authservice.it.support.TestMailServer.awaitMessages;
import static dev.authservice.it.support.TestMailServer.body;
import static dev.authservice.it.support.TestMailServer.messagesTo;
import static dev.authservice.it.support.TestMailServer.subjects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.Administrator;
import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.PortalBrowser;
import dev.authservice.it.support.SoftwarePasskey;
import dev.authservice.it.support.TestAuthenticator;
import dev.authservice.it.support.TestMailServer;
import jakarta.json.Json;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Notices by email: each told once per event, to a confirmed address, with the time, the device
 * and the network address, and a link to the account page. "Once" is read after a later notice
 * has arrived: the outbox sends in order, so nothing of the earlier event can still come.
 */
class NoticesIT extends PortalDeployment {

    private static final String NEW_DEVICE = "New sign-in to your account";
    private static final String LOCKED = "Your account is locked for a while";
    private static final String PASSWORD_CHANGED = "Your password was changed";
    private static final String SECOND_FACTOR_OFF = "Two-factor authentication was turned off";
    private static final String PASSKEY_ADDED = "A passkey was added to your account";

    @Test
    void aSignInFromABrowserNotSeenBeforeIsToldOnce() {
        String username = withConfirmedAddress("device");
        assertEquals(303, browser.signIn(username, PASSWORD, null).statusCode(), "the account's first browser");
        PortalBrowser laptop = new PortalBrowser(http, PORTAL);
        assertEquals(303, laptop.signIn(username, PASSWORD, null).statusCode());
        assertEquals(303, laptop.signIn(username, PASSWORD, null).statusCode(), "seen now");
        assertEquals(303, browser.signIn(username, PASSWORD, null).statusCode(), "seen before");

        List<MimeMessage> told = toldBeforeAMarker(username, 1);
        assertEquals(List.of(NEW_DEVICE), subjects(told));
        String text = body(told.stream()
                .filter(m -> TestMailServer.subject(m).equals(NEW_DEVICE))
                .findFirst()
                .orElseThrow());
        assertTrue(text.contains("Account: " + username), text);
        assertTrue(text.contains("Network address: 127.0.0.1"), text);
        assertTrue(text.contains("Device: "), text);
        assertTrue(text.contains(PORTAL + "/portal/account"), text);
    }

    @Test
    void aLockIsToldOnceHoweverManyAttemptsItRefuses() {
        String username = withConfirmedAddress("lock");
        int refused = 0;
        for (int i = 0; i < 20; i++) {
            if (http.login(username, "wrong password " + i).statusCode() == 429) {
                refused++;
            }
        }
        assertTrue(refused >= 10, "refused " + refused);
        List<MimeMessage> told = toldBeforeAMarker(username, 1);
        assertEquals(List.of(LOCKED), subjects(told));
    }

    @Test
    void aPasswordChangeIsToldOnceAndARefusedOneNotAtAll() {
        String username = withConfirmedAddress("pwd");
        String token = HttpClientSupport.token(http.login(username, PASSWORD));
        assertEquals(
                401,
                changePassword(token, "not the password", "another good horse").statusCode());
        assertEquals(200, changePassword(token, PASSWORD, "another good horse").statusCode());
        assertEquals(List.of(PASSWORD_CHANGED), subjects(toldBeforeAMarker(username, 1)));
    }

    @Test
    void secondFactorTurnedOffByItsOwnerOrResetByAnAdministratorIsTold() {
        String username = withConfirmedAddress("mfa");
        TestAuthenticator app = enrolled(username);
        http.advanceClock(Duration.ofSeconds(30));
        String token = signedInWithCode(username, app);
        HttpResponse<String> off = http.postJson(
                "mfa/totp/disable",
                token,
                Json.createObjectBuilder()
                        .add("password", PASSWORD)
                        .add("otp", recoveryCode)
                        .build()
                        .toString());
        assertEquals(200, off.statusCode(), off.body());
        enrolled(username);
        assertEquals(
                200,
                Administrator.call(http, "POST", "admin/users/" + username + "/second-factor/reset", null)
                        .statusCode());
        List<MimeMessage> told = toldBeforeAMarker(username, 2);
        assertEquals(List.of(SECOND_FACTOR_OFF, SECOND_FACTOR_OFF), subjects(told));
    }

    @Test
    void aPasskeyAddedIsTold() {
        String username = withConfirmedAddress("passkey");
        String token = HttpClientSupport.token(http.login(username, PASSWORD));
        HttpResponse<String> options = http.postJson(
                "webauthn/register/options",
                token,
                Json.createObjectBuilder().add("password", PASSWORD).build().toString());
        assertEquals(200, options.statusCode(), options.body());
        String credential = new SoftwarePasskey(PORTAL).register(json(options).getJsonObject("publicKey"));
        assertEquals(
                201,
                http.postJson("webauthn/register", token, "{\"credential\":" + credential + "}")
                        .statusCode());
        List<MimeMessage> told = toldBeforeAMarker(username, 1);
        assertEquals(List.of(PASSKEY_ADDED), subjects(told));
    }

    @Test
    void anAddressNotYetConfirmedIsToldNothing() {
        String username = registered("unconfirmed");
        String address = addressOf(username);
        String token = HttpClientSupport.token(http.login(username, PASSWORD));
        assertEquals(
                200,
                http.send(http.request("account/email")
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                                        .add("email", address)
                                        .add("password", PASSWORD)
                                        .build()
                                        .toString())))
                        .statusCode());
        assertEquals(200, changePassword(token, PASSWORD, "another good horse").statusCode());
        // The confirmation link is the one message; the notice waits for a confirmed address.
        assertEquals(1, awaitMessages(address, 1).size());
        assertTrue(subjects(messagesTo(address)).stream().allMatch(s -> s.startsWith("Confirm")));
    }

    /**
     * The {@code expected} messages to the account's address, read once a marker (a password set
     * by an administrator, itself told) has arrived after them: one instance sends in the order it
     * queued, so a second copy of anything before the marker would have come before it.
     */
    private List<MimeMessage> toldBeforeAMarker(String username, int expected) {
        String address = addressOf(username);
        awaitMessages(address, expected);
        HttpResponse<String> marker = Administrator.call(
                http,
                "POST",
                "admin/users/" + username + "/password",
                Json.createObjectBuilder()
                        .add("password", "marker horse battery")
                        .build()
                        .toString());
        assertEquals(200, marker.statusCode(), marker.body());
        List<MimeMessage> all = awaitMessages(address, expected + 1);
        assertEquals(expected + 1, all.size(), "nothing twice: " + subjects(all));
        assertEquals(PASSWORD_CHANGED, subjects(all).get(expected), "the marker comes last: " + subjects(all));
        return all.subList(0, expected);
    }

    private HttpResponse<String> changePassword(String token, String current, String replacement) {
        return http.postJson(
                "password",
                token,
                Json.createObjectBuilder()
                        .add("current_password", current)
                        .add("new_password", replacement)
                        .build()
                        .toString());
    }

    private String signedInWithCode(String username, TestAuthenticator app) {
        HttpResponse<String> login = http.postJson(
                "login",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", PASSWORD)
                        .add("otp", app.codeAt(http.clock()))
                        .build()
                        .toString());
        assertEquals(200, login.statusCode(), login.body());
        return json(login).getString("token");
    }
}
