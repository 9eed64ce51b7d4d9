package dev.authservice.it.selfservice;

import static dev.authservice.it.support.HttpClientSupport.json;
import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static dev.authservice.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.Administrator;
import dev.authservice.it.support.DeployedService;
import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.PortalBrowser;
import dev.authservice.it.support.SoftwarePasskey;
import dev.authservice.it.support.TestAuthenticator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Passkeys through the JSON ceremonies, black-box, with an authenticator in the test
 * ({@link SoftwarePasskey}): registration, sign-in as second factor and alone, the passkey's
 * lifecycle, and every way an assertion must be refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasskeyIT extends DeployedService {

    private static final String PASSWORD = "correct horse battery";

    /** A signed-in account with one registered passkey. */
    private record Holder(String username, String token, SoftwarePasskey passkey) {}

    private Holder holderOfAPasskey(String prefix) {
        return holderOfAPasskey(prefix, new SoftwarePasskey(SoftwarePasskey.originOf(base)));
    }

    private Holder holderOfAPasskey(String prefix, SoftwarePasskey passkey) {
        String username = uniqueUsername(prefix);
        String token = http.newSession(username, PASSWORD);
        HttpResponse<String> registered = register(token, passkey, body().add("password", PASSWORD), "Laptop");
        assertEquals(201, registered.statusCode(), registered.body());
        return new Holder(username, token, passkey);
    }

    /** An account with TOTP and a passkey, registered with the password and a recovery code. */
    private Holder holderOfTotpAndAPasskey(String prefix) {
        String username = uniqueUsername(prefix);
        String token = http.newSession(username, PASSWORD);
        TestAuthenticator.Enrolled totp = TestAuthenticator.enrol(http, token, PASSWORD);
        SoftwarePasskey passkey = new SoftwarePasskey(SoftwarePasskey.originOf(base));
        HttpResponse<String> registered = register(
                token,
                passkey,
                body().add("password", PASSWORD).add("otp", totp.recoveryCodes().get(0)),
                "Security key");
        assertEquals(201, registered.statusCode(), registered.body());
        return new Holder(username, token, passkey);
    }

    private HttpResponse<String> register(String token, SoftwarePasskey passkey, JsonObjectBuilder proof, String name) {
        HttpResponse<String> options =
                http.postJson("webauthn/register/options", token, proof.build().toString());
        assertEquals(200, options.statusCode(), options.body());
        String credential = passkey.register(json(options).getJsonObject("publicKey"));
        return http.postJson(
                "webauthn/register",
                token,
                "{\"name\":" + Json.createValue(name) + ",\"credential\":" + credential + "}");
    }

    private JsonObject signInOptions() {
        HttpResponse<String> options = http.postJson("webauthn/login/options", "{}");
        assertEquals(200, options.statusCode(), options.body());
        return json(options).getJsonObject("publicKey");
    }

    private HttpResponse<String> signIn(String credential) {
        return http.postJson("webauthn/login", "{\"credential\":" + credential + "}");
    }

    private static JsonObjectBuilder body() {
        return Json.createObjectBuilder();
    }

    @Test
    void aRegisteredPasskeyAloneSignsIn() {
        Holder holder = holderOfAPasskey("alone");

        JsonObject options = signInOptions();
        assertEquals("required", options.getString("userVerification"));
        assertTrue(options.getJsonArray("allowCredentials").isEmpty(), "a discoverable credential is asked for");
        HttpResponse<String> signedIn = signIn(holder.passkey().sign(options));

        assertEquals(200, signedIn.statusCode(), signedIn.body());
        HttpResponse<String> session = http.session(HttpClientSupport.token(signedIn));
        assertEquals(200, session.statusCode());
        assertEquals(holder.username(), json(session).getString("username"));
    }

    @Test
    void registrationOptionsAskForADiscoverableCredentialWithoutAttestationAndNeedThePassword() {
        String token = http.newSession(uniqueUsername("options"), PASSWORD);

        assertProblem(
                401,
                http.postJson(
                        "webauthn/register/options",
                        token,
                        body().add("password", "wrong password here").build().toString()));
        JsonObject options = json(http.postJson(
                        "webauthn/register/options",
                        token,
                        body().add("password", PASSWORD).build().toString()))
                .getJsonObject("publicKey");

        assertEquals("none", options.getString("attestation"));
        assertEquals("required", options.getJsonObject("authenticatorSelection").getString("residentKey"));
        assertEquals(
                "preferred", options.getJsonObject("authenticatorSelection").getString("userVerification"));
        assertEquals(base.getHost(), options.getJsonObject("rp").getString("id"));
    }

    @Test
    void anAccountWithTotpSignsInWithPasswordAndPasskeyInsteadOfTheCode() {
        Holder holder = holderOfTotpAndAPasskey("second");
        String username = holder.username();
        SoftwarePasskey passkey = holder.passkey();

        assertProblem(401, http.login(username, PASSWORD), "the password alone is not enough");
        HttpResponse<String> options = http.postJson(
                "webauthn/login/options",
                body().add("username", username)
                        .add("password", PASSWORD)
                        .build()
                        .toString());
        assertEquals(200, options.statusCode(), options.body());
        JsonObject publicKey = json(options).getJsonObject("publicKey");
        assertEquals(
                passkey.credentialId(),
                publicKey.getJsonArray("allowCredentials").getJsonObject(0).getString("id"));
        HttpResponse<String> signedIn = http.postJson(
                "webauthn/login",
                "{\"username\":" + Json.createValue(username) + ",\"credential\":" + passkey.sign(publicKey) + "}");

        assertEquals(200, signedIn.statusCode(), signedIn.body());
        assertEquals(200, http.session(HttpClientSupport.token(signedIn)).statusCode());
    }

    @Test
    void theSecondFactorOptionsNeedTheRightPassword() {
        Holder holder = holderOfAPasskey("wrongpw");

        assertProblem(
                401,
                http.postJson(
                        "webauthn/login/options",
                        body().add("username", holder.username())
                                .add("password", "not the password")
                                .build()
                                .toString()));
    }

    /**
     * Sign-ins with a passkey alone need no proof to begin, so their challenges are bounded
     * (auth.webauthn.max-open-sign-ins, 100 in the standard deployment): past it, 503 with Retry-After, and a ceremony
     * begun before still finishes. Last in the class: the table stays full until the rows expire, and no
     * class after it in the standard deployment begins one.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void signInsBegunByAnyoneAreBoundedAndACeremonyUnderWayStillFinishes() {
        Holder holder = holderOfAPasskey("bounded");
        JsonObject underWay = signInOptions();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 150 && refused == null; i++) {
            HttpResponse<String> options = http.postJson("webauthn/login/options", "{}");
            if (options.statusCode() != 200) {
                refused = options;
            }
        }
        assertNotNull(refused, "150 sign-ins begun found no bound");
        assertProblem(503, refused);
        assertEquals("60", refused.headers().firstValue("Retry-After").orElse(null));
        assertEquals(200, signIn(holder.passkey().sign(underWay)).statusCode(), "the ceremony under way finishes");
    }

    // The portal's passkey forms: the same ceremonies, posted as forms with the browser's CSRF token.

    @Test
    void thePortalsPasskeySignInNeedsThisBrowsersCsrfToken() {
        Holder holder = holderOfAPasskey("portal-passkey");
        PortalBrowser browser = new PortalBrowser(http, SoftwarePasskey.originOf(base));
        browser.csrfToken();

        HttpResponse<String> forged = browser.post(
                "portal/login/passkey",
                Map.of("csrf", "forged", "credential", holder.passkey().sign(signInOptions())));
        assertEquals(403, forged.statusCode(), forged.body());
        assertNull(browser.cookie("auth_session"), "a forged form signs nobody in");

        HttpResponse<String> signedIn = browser.post(
                "portal/login/passkey",
                Map.of(
                        "csrf",
                        browser.csrfToken(),
                        "credential",
                        holder.passkey().sign(signInOptions())));
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        assertNotNull(browser.cookie("auth_session"));
    }

    /**
     * At the portal's second-factor step of one account, a valid answer of another account's
     * passkey is refused, as a forged form is; the account's own passkey finishes the sign-in.
     */
    @Test
    void atThePortalsSecondFactorStepOnlyTheAccountsOwnPasskeyAnswers() {
        Holder holder = holderOfTotpAndAPasskey("portal-second");
        String username = holder.username();
        SoftwarePasskey own = holder.passkey();
        Holder stranger = holderOfAPasskey("portal-stranger");
        PortalBrowser browser = new PortalBrowser(http, SoftwarePasskey.originOf(base));
        assertEquals(303, browser.signIn(username, PASSWORD, null).statusCode(), "the password step");

        HttpResponse<String> foreign = browser.post(
                "portal/login/second-factor/passkey",
                Map.of(
                        "csrf",
                        browser.csrfToken(),
                        "credential",
                        stranger.passkey().sign(secondFactorOptions(browser))));
        assertEquals(401, foreign.statusCode(), foreign.body());
        assertNull(browser.cookie("auth_session"), "another account's passkey is no second factor");

        HttpResponse<String> forged = browser.post(
                "portal/login/second-factor/passkey",
                Map.of("csrf", "forged", "credential", own.sign(secondFactorOptions(browser))));
        assertEquals(403, forged.statusCode(), forged.body());
        assertNull(browser.cookie("auth_session"));

        HttpResponse<String> signedIn = browser.post(
                "portal/login/second-factor/passkey",
                Map.of("csrf", browser.csrfToken(), "credential", own.sign(secondFactorOptions(browser))));
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        assertNotNull(browser.cookie("auth_session"));
    }

    /** The options the second-factor page gives its passkey form (data-options, HTML-escaped JSON). */
    private static JsonObject secondFactorOptions(PortalBrowser browser) {
        String page = browser.get("portal/login/second-factor").body();
        Matcher options = Pattern.compile("data-options=\"([^\"]*)\"").matcher(page);
        assertTrue(options.find(), "the page offers a passkey: " + page);
        String json = options.group(1)
                .replace("&quot;", "\"")
                .replace("&#34;", "\"")
                .replace("&#x3D;", "=")
                .replace("&#61;", "=")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
        JsonObject parsed = Json.createReader(new StringReader(json)).readObject();
        return parsed.containsKey("publicKey") ? parsed.getJsonObject("publicKey") : parsed;
    }

    @Test
    void aReplayedAnswerIsRefused() {
        Holder holder = holderOfAPasskey("replay");
        String answer = holder.passkey().sign(signInOptions());
        assertEquals(200, signIn(answer).statusCode());

        assertProblem(401, signIn(answer), "a challenge serves once");
    }

    /**
     * A synced passkey answers with counter 0 every time, so the counter check cannot refuse its
     * replay: only the challenge, spent by its first use, does.
     */
    @Test
    void aReplayedAnswerOfASyncedPasskeyWhoseCounterStaysZeroIsRefused() {
        Holder holder = holderOfAPasskey("replay-synced", SoftwarePasskey.synced(SoftwarePasskey.originOf(base)));
        String answer = holder.passkey().sign(signInOptions());
        assertEquals(200, signIn(answer).statusCode());

        assertProblem(401, signIn(answer), "a challenge serves once");
        assertEquals(
                200,
                signIn(holder.passkey().sign(signInOptions())).statusCode(),
                "the synced passkey itself still works");
    }

    @Test
    void anAnswerFromAnotherOriginIsRefused() {
        Holder holder = holderOfAPasskey("origin");

        assertProblem(
                401,
                signIn(holder.passkey()
                        .sign(signInOptions(), new SoftwarePasskey.Bend().origin("https://evil.example"))));
        assertEquals(
                200, signIn(holder.passkey().sign(signInOptions())).statusCode(), "the passkey itself still works");
    }

    @Test
    void anAnswerForAnotherRelyingPartyIsRefused() {
        Holder holder = holderOfAPasskey("rpid");

        assertProblem(
                401, signIn(holder.passkey().sign(signInOptions(), new SoftwarePasskey.Bend().rpId("evil.example"))));
    }

    @Test
    void aCounterThatGoesBackwardsIsRefused() {
        Holder holder = holderOfAPasskey("counter");
        assertEquals(
                200,
                signIn(holder.passkey().sign(signInOptions(), new SoftwarePasskey.Bend().counter(10)))
                        .statusCode());

        assertProblem(
                401,
                signIn(holder.passkey().sign(signInOptions(), new SoftwarePasskey.Bend().counter(5))),
                "a cloned authenticator's counter lags behind");
        assertProblem(401, signIn(holder.passkey().sign(signInOptions(), new SoftwarePasskey.Bend().counter(10))));
        assertEquals(
                200,
                signIn(holder.passkey().sign(signInOptions(), new SoftwarePasskey.Bend().counter(11)))
                        .statusCode());
    }

    @Test
    void anotherAccountsPasskeyIsNoSecondFactor() {
        Holder alice = holderOfAPasskey("alice");
        Holder bob = holderOfAPasskey("bob");

        JsonObject alicesOptions = json(http.postJson(
                        "webauthn/login/options",
                        body().add("username", alice.username())
                                .add("password", PASSWORD)
                                .build()
                                .toString()))
                .getJsonObject("publicKey");
        HttpResponse<String> withBobsPasskey = http.postJson(
                "webauthn/login",
                "{\"username\":" + Json.createValue(alice.username()) + ",\"credential\":"
                        + bob.passkey().sign(alicesOptions) + "}");

        assertProblem(401, withBobsPasskey, "Bob's valid signature proves nothing about Alice");
    }

    @Test
    void aPasskeyWithAnotherAccountsUserHandleIsRefused() {
        Holder alice = holderOfAPasskey("handle-a");
        Holder bob = holderOfAPasskey("handle-b");

        HttpResponse<String> claimed = signIn(bob.passkey()
                .sign(
                        signInOptions(),
                        new SoftwarePasskey.Bend().userHandle(alice.passkey().userHandle())));

        assertProblem(401, claimed);
    }

    @Test
    void aPasskeyAddedWithoutANameIsNamedAfterTheDeviceThatMadeIt() {
        String token = http.newSession(uniqueUsername("unnamed"), PASSWORD);
        SoftwarePasskey passkey = new SoftwarePasskey(SoftwarePasskey.originOf(base));
        HttpResponse<String> options = http.postJson(
                "webauthn/register/options",
                token,
                body().add("password", PASSWORD).build().toString());
        assertEquals(200, options.statusCode(), options.body());
        String credential = passkey.register(json(options).getJsonObject("publicKey"));

        HttpResponse<String> registered = http.send(http.request("webauthn/register")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header(
                        "User-Agent",
                        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15"
                                + " (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"credential\":" + credential + "}")));

        assertEquals(201, registered.statusCode(), registered.body());
        assertEquals("Safari on iPhone", json(registered).getString("name"));
    }

    @Test
    void aPasskeyIsListedRenamedAndRemovedWithThePassword() {
        Holder holder = holderOfAPasskey("lifecycle");
        JsonObject listed = json(http.send(http.request("webauthn/passkeys")
                        .header("Authorization", "Bearer " + holder.token())
                        .GET()))
                .getJsonArray("passkeys")
                .getJsonObject(0);
        assertEquals("Laptop", listed.getString("name"));
        String id = listed.getString("id");

        HttpResponse<String> renamed = http.postJson(
                "webauthn/passkeys/" + id + "/rename",
                holder.token(),
                body().add("name", "Work laptop").build().toString());
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("Work laptop", json(renamed).getString("name"));
        assertProblem(
                401,
                http.postJson(
                        "webauthn/passkeys/" + id + "/remove",
                        holder.token(),
                        body().add("password", "not the password").build().toString()));
        HttpResponse<String> removed = http.postJson(
                "webauthn/passkeys/" + id + "/remove",
                holder.token(),
                body().add("password", PASSWORD).build().toString());

        assertEquals(200, removed.statusCode(), removed.body());
        assertProblem(401, signIn(holder.passkey().sign(signInOptions())), "a removed passkey signs in no more");
    }

    @Test
    void aPasskeyGoesWithItsAccount() {
        Holder holder = holderOfAPasskey("deleted");
        HttpResponse<String> deleted = http.postJson(
                "account/delete",
                holder.token(),
                body().add("password", PASSWORD).build().toString());
        assertEquals(200, deleted.statusCode(), deleted.body());

        assertProblem(401, signIn(holder.passkey().sign(signInOptions())));
    }

    @Test
    void anAdministratorsSecondFactorResetRemovesThePasskeys() {
        Holder holder = holderOfAPasskey("reset");
        String admin = Administrator.token(http);
        HttpResponse<String> reset =
                http.postJson("admin/users/" + holder.username() + "/second-factor/reset", admin, "{}");
        assertEquals(200, reset.statusCode(), reset.body());

        assertProblem(401, signIn(holder.passkey().sign(signInOptions())));
    }

    @Test
    void unreadableAnswersAreClientErrors() {
        Holder holder = holderOfAPasskey("garbage");

        assertProblem(400, http.postJson("webauthn/register", holder.token(), "{\"credential\":\"not an object\"}"));
        assertProblem(400, http.postJson("webauthn/register", holder.token(), "{\"credential\":{\"id\":\"x\"}}"));
        assertProblem(401, signIn("{\"id\":\"x\",\"response\":{\"clientDataJSON\":\"!!\"}}"));
        assertProblem(401, signIn("{}"));
        String tooLong = "x".repeat(65);
        assertProblem(
                400,
                register(
                        holder.token(),
                        new SoftwarePasskey(SoftwarePasskey.originOf(base)),
                        body().add("password", PASSWORD),
                        tooLong));
    }

    @Test
    void theSameAuthenticatorIsNotRegisteredTwice() {
        Holder holder = holderOfAPasskey("twice");
        HttpResponse<String> options = http.postJson(
                "webauthn/register/options",
                holder.token(),
                body().add("password", PASSWORD).build().toString());

        JsonObject publicKey = json(options).getJsonObject("publicKey");
        assertFalse(publicKey.getJsonArray("excludeCredentials").isEmpty(), "the browser is told which it has");
        assertProblem(
                409,
                http.postJson(
                        "webauthn/register",
                        holder.token(),
                        "{\"credential\":" + holder.passkey().register(publicKey) + "}"));
    }
}
