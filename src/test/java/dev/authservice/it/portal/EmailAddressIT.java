package dev.authservice.it.portal;

import static dev.authservice.it.support.HttpClientSupport.json;
import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static dev.authservice.it.support.TestMailServer.awaitMessages;
import static dev.authservice.it.support.TestMailServer.messagesTo;
import static dev.authservice.it.support.TestMailServer.subject;
import static dev.authservice.it.support.TestMailServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.Administrator;
import dev.authservice.it.support.HttpClientSupport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An account's email address: given at registration or on the account, unique among accounts,
 * confirmed by the link sent to it, and shown wherever the account's claims are (the session
 * check's JSON among them). Mail goes to the test's own SMTP server.
 */
class EmailAddressIT extends PortalDeployment {

    @Test
    void anAddressGivenAtRegistrationIsConfirmedByItsLinkOnce() {
        String username = uniqueUsername("addr");
        String address = username + "@Mail.Example.TEST";
        String stored = username + "@mail.example.test";
        assertEquals(201, registerWithAddress(username, address).statusCode());
        String token = HttpClientSupport.token(http.login(username, PASSWORD));
        JsonObject before = json(http.session(token));
        assertEquals(stored, before.getString("email"), "the domain in lower case, the local part as typed");
        assertFalse(before.getBoolean("email_verified"));
        assertTrue(
                http.session(token).headers().firstValue("X-Auth-Email").isEmpty(),
                "front ends get no address that is not confirmed");

        MimeMessage confirmation = awaitMessages(stored, 1).get(0);
        assertTrue(subject(confirmation).startsWith("Confirm your email address"), subject(confirmation));
        String link = token(confirmation);
        HttpResponse<String> page = browser.get("portal/verify-email?token=" + link);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(stored), page.body());
        HttpResponse<String> confirmed =
                browser.post("portal/verify-email", Map.of("csrf", browser.csrfToken(), "token", link));
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertTrue(json(http.session(token)).getBoolean("email_verified"), "the live session sees it at once");

        HttpResponse<String> again =
                browser.post("portal/verify-email", Map.of("csrf", browser.csrfToken(), "token", link));
        assertEquals(404, again.statusCode(), "a link works once");
    }

    @Test
    void anAddressBelongsToOneAccountWhateverTheCaseOfItsDomain() {
        String first = uniqueUsername("first");
        String address = first + "@example.test";
        assertEquals(201, registerWithAddress(first, address).statusCode());
        String second = uniqueUsername("second");
        HttpResponse<String> taken = registerWithAddress(second, first + "@EXAMPLE.test");
        assertEquals(409, taken.statusCode(), taken.body());
        assertTrue(taken.body().contains("email address"), taken.body());
        assertEquals(201, http.register(second, PASSWORD).statusCode(), "the refused registration left nothing");
    }

    @Test
    void somethingThatIsNoAddressIsABadRequest() {
        for (String notAnAddress : List.of("no at sign", "two@@example.test", "a@b@c", "<a@example.test>", "x@")) {
            HttpResponse<String> refused = registerWithAddress(uniqueUsername("bad"), notAnAddress);
            assertEquals(400, refused.statusCode(), notAnAddress + ": " + refused.body());
        }
    }

    @Test
    void anAddressAnAdministratorSetsCountsAsConfirmedAndSendsNoLink() {
        String username = registered("admset");
        String address = username + "@example.test";
        HttpResponse<String> set = setByAdministrator(username, address);
        assertEquals(200, set.statusCode(), set.body());
        assertTrue(json(set).getBoolean("email_verified"));
        JsonObject user = json(Administrator.call(http, "GET", "admin/users/" + username, null));
        assertEquals(address, user.getString("email"));
        assertTrue(user.getBoolean("email_verified"));
        assertTrue(json(http.session(HttpClientSupport.token(http.login(username, PASSWORD))))
                .getBoolean("email_verified"));
        assertEquals(List.of(), messagesTo(address), "nothing to confirm");
    }

    @Test
    void aNewAddressIsConfirmedAgainAndTheOldOneIsTold() {
        String username = registered("moving");
        String old = username + "@old.example.test";
        String moved = username + "@new.example.test";
        assertEquals(200, setByAdministrator(username, old).statusCode());
        String token = HttpClientSupport.token(http.login(username, PASSWORD));

        HttpResponse<String> changed = http.send(http.request("account/email")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("email", moved)
                        .add("password", PASSWORD)
                        .build()
                        .toString())));
        assertEquals(200, changed.statusCode(), changed.body());
        assertFalse(json(changed).getBoolean("email_verified"));

        MimeMessage notice = awaitMessages(old, 1).get(0);
        assertEquals("The email address of your account was changed", subject(notice));
        assertTrue(subject(awaitMessages(moved, 1).get(0)).startsWith("Confirm your email address"));
    }

    @Test
    void theSameUnconfirmedAddressAgainSendsAnotherLink() {
        String username = uniqueUsername("again");
        String address = username + "@example.test";
        assertEquals(201, registerWithAddress(username, address).statusCode());
        awaitMessages(address, 1);
        String token = HttpClientSupport.token(http.login(username, PASSWORD));
        assertEquals(200, putEmail(token, address).statusCode());
        List<MimeMessage> links = awaitMessages(address, 2);
        assertTrue(!token(links.get(0)).equals(token(links.get(1))), "a link of its own");
    }

    @Test
    void changingTheAddressNeedsThePassword() {
        String username = registered("guarded");
        String token = HttpClientSupport.token(http.login(username, PASSWORD));
        HttpResponse<String> refused = http.send(http.request("account/email")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("email", username + "@example.test")
                        .add("password", "not the password")
                        .build()
                        .toString())));
        assertEquals(401, refused.statusCode(), refused.body());
        assertFalse(json(http.session(token)).containsKey("email"));
    }

    @Test
    void theAccountPageChangesTheAddressOnAStepPageThatAsksForThePassword() {
        String username = signedInAccount();
        String address = username + "@example.test";
        HttpResponse<String> step = submit("email/step", "id", "<b>" + address);
        assertEquals(200, step.statusCode());
        assertTrue(step.body().contains("&lt;b&gt;" + address), "shown escaped: " + step.body());
        assertTrue(step.body().contains("id=\"step-password\""), step.body());
        assertEquals(
                400,
                submit("email", "id", "<b>" + address, "password", PASSWORD).statusCode(),
                "no address");

        HttpResponse<String> saved = submit("email", "id", address, "password", PASSWORD);
        assertEquals(303, saved.statusCode(), saved.body());
        assertTrue(browser.get("portal/account").body().contains(address));
        assertTrue(subject(awaitMessages(address, 1).get(0)).startsWith("Confirm your email address"));
    }

    private HttpResponse<String> registerWithAddress(String username, String address) {
        return http.postJson(
                "register",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", PASSWORD)
                        .add("email", address)
                        .build()
                        .toString());
    }

    private HttpResponse<String> setByAdministrator(String username, String address) {
        return Administrator.call(
                http,
                "PUT",
                "admin/users/" + username + "/email",
                Json.createObjectBuilder().add("email", address).build().toString());
    }

    private HttpResponse<String> putEmail(String token, String address) {
        return http.send(http.request("account/email")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("email", address)
                        .add("password", PASSWORD)
                        .build()
                        .toString())));
    }
}
