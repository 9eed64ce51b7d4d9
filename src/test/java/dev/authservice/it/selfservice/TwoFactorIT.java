package dev.authservice.it.selfservice;

import static dev.authservice.it.support.HttpClientSupport.json;
import static dev.authservice.it.support.HttpClientSupport.token;
import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static dev.authservice.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.DeployedService;
import dev.authservice.it.support.TestAuthenticator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TOTP second factor, black-box, with an authenticator of the test's own on the deployment's clock. */
class TwoFactorIT extends DeployedService {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration NEXT_STEP = Duration.ofSeconds(30);

    /** An account with a confirmed second factor: its name, a token, its authenticator and recovery codes. */
    private record Enrolled(String username, String token, TestAuthenticator app, List<String> recoveryCodes) {}

    private static String body(String... namesAndValues) {
        var object = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return object.build().toString();
    }

    private HttpResponse<String> login(String username, String password, String otp) {
        return http.postJson(
                "login",
                otp == null
                        ? body("username", username, "password", password)
                        : body("username", username, "password", password, "otp", otp));
    }

    private String currentCode(TestAuthenticator app) {
        return app.codeAt(http.clock());
    }

    /** Moves the service's clock to a step no code has been used in yet. */
    private String freshCode(TestAuthenticator app) {
        http.advanceClock(NEXT_STEP);
        return currentCode(app);
    }

    private Enrolled enrolled() {
        String username = uniqueUsername("mfa");
        String token = http.newSession(username, PASSWORD);
        JsonObject enrolment = json(http.postJson("mfa/totp", token, body("password", PASSWORD)));
        TestAuthenticator app = new TestAuthenticator(enrolment.getString("secret"));
        HttpResponse<String> confirmed = http.postJson("mfa/totp/confirm", token, body("code", currentCode(app)));
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        List<String> codes = json(confirmed).getJsonArray("recovery_codes").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
        return new Enrolled(username, token, app, codes);
    }

    @Test
    void enrolmentGivesASecretAndAnOtpauthUriButChangesNothingUntilConfirmed() {
        String username = uniqueUsername("enrol");
        String token = http.newSession(username, PASSWORD);
        HttpResponse<String> response = http.postJson("mfa/totp", token, body("password", PASSWORD));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        String secret = json(response).getString("secret");
        assertTrue(secret.matches("[A-Z2-7]{32}"), "160 bits, base32 without padding: " + secret);
        assertEquals(
                "otpauth://totp/auth-service:" + username + "?secret=" + secret
                        + "&issuer=auth-service&algorithm=SHA1&digits=6&period=30",
                json(response).getString("otpauth_uri"));
        assertEquals(200, login(username, PASSWORD, null).statusCode(), "not active before confirmation");

        String again = json(http.postJson("mfa/totp", token, body("password", PASSWORD)))
                .getString("secret");
        assertFalse(again.equals(secret), "a new call replaces the unconfirmed secret");
        assertProblem(
                400,
                http.postJson(
                        "mfa/totp/confirm", token, body("code", new TestAuthenticator(secret).codeAt(http.clock()))));
    }

    @Test
    void enrolmentNeedsTheTokenAndThePassword() {
        String token = http.newSession(uniqueUsername("enrol-auth"), PASSWORD);
        assertProblem(401, http.postJson("mfa/totp", token, body("password", "not the password")));
        assertProblem(401, http.postJson("mfa/totp", "x".repeat(43), body("password", PASSWORD)));
    }

    @Test
    void confirmationTakesOnlyTheRightCodeAndGivesTenRecoveryCodes() {
        String token = http.newSession(uniqueUsername("confirm"), PASSWORD);
        TestAuthenticator app = new TestAuthenticator(json(http.postJson("mfa/totp", token, body("password", PASSWORD)))
                .getString("secret"));
        String right = currentCode(app);
        String wrong = right.equals("000000") ? "000001" : "000000";
        assertProblem(400, http.postJson("mfa/totp/confirm", token, body("code", wrong)));
        HttpResponse<String> confirmed = http.postJson("mfa/totp/confirm", token, body("code", right));
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals(10, json(confirmed).getJsonArray("recovery_codes").size());
        assertProblem(409, http.postJson("mfa/totp", token, body("password", PASSWORD)), "already active");
    }

    @Test
    void loginWithASecondFactorNeedsTheCurrentCodeOnce() {
        Enrolled account = enrolled();
        JsonObject missing = assertProblem(401, login(account.username(), PASSWORD, null));
        assertTrue(missing.getBoolean("mfa_required"), missing.toString());
        String code = freshCode(account.app());
        String wrong = code.equals("123456") ? "654321" : "123456";
        assertTrue(
                assertProblem(401, login(account.username(), PASSWORD, wrong)).getBoolean("mfa_required"));

        assertEquals(200, login(account.username(), PASSWORD, code).statusCode(), "the current code");
        assertTrue(
                assertProblem(401, login(account.username(), PASSWORD, code)).getBoolean("mfa_required"),
                "never twice");
    }

    @Test
    void aWrongPasswordFailsExactlyAsWithoutASecondFactor() {
        Enrolled account = enrolled();
        HttpResponse<String> withMfa = login(account.username(), "not the password", freshCode(account.app()));
        HttpResponse<String> unknown = login(uniqueUsername("ghost"), "not the password", null);
        JsonObject problem = assertProblem(401, withMfa);
        assertFalse(problem.containsKey("mfa_required"), "a wrong password reveals nothing of the second factor");
        assertEquals(unknown.body(), withMfa.body());
    }

    @Test
    void aRecoveryCodeLogsInOnce() {
        Enrolled account = enrolled();
        String recovery = account.recoveryCodes().get(3);
        assertEquals(200, login(account.username(), PASSWORD, recovery).statusCode());
        assertTrue(assertProblem(401, login(account.username(), PASSWORD, recovery))
                .getBoolean("mfa_required"));
        assertEquals(
                200,
                login(
                                account.username(),
                                PASSWORD,
                                account.recoveryCodes().get(4).toLowerCase())
                        .statusCode());
    }

    @Test
    void disablingNeedsPasswordAndCodeThenLoginIsAsBefore() {
        Enrolled account = enrolled();
        String code = freshCode(account.app());
        assertProblem(
                401,
                http.postJson("mfa/totp/disable", account.token(), body("password", "not the password", "otp", code)));
        assertTrue(assertProblem(
                        401,
                        http.postJson("mfa/totp/disable", account.token(), body("password", PASSWORD, "otp", "000000")))
                .getBoolean("mfa_required"));
        assertEquals(
                200,
                http.postJson(
                                "mfa/totp/disable",
                                account.token(),
                                body("password", PASSWORD, "otp", freshCode(account.app())))
                        .statusCode());
        assertEquals(200, login(account.username(), PASSWORD, null).statusCode());
        assertProblem(
                409, http.postJson("mfa/totp/disable", account.token(), body("password", PASSWORD, "otp", "000000")));
    }

    @Test
    void aPasswordChangeNeedsTheCodeToo() {
        Enrolled account = enrolled();
        String change = body("current_password", PASSWORD, "new_password", "a brand new passphrase");
        assertTrue(assertProblem(401, http.postJson("password", account.token(), change))
                .getBoolean("mfa_required"));
        String withCode = body(
                "current_password",
                PASSWORD,
                "new_password",
                "a brand new passphrase",
                "otp",
                freshCode(account.app()));
        assertEquals(200, http.postJson("password", account.token(), withCode).statusCode());
    }

    @Test
    void wrongCodesAreThrottledLikeWrongPasswords() {
        Enrolled account = enrolled();
        for (int i = 0; i < 5; i++) {
            assertProblem(401, login(account.username(), PASSWORD, String.format("%06d", i)));
        }
        assertProblem(
                429, login(account.username(), PASSWORD, account.recoveryCodes().get(0)), "even with a good code");
    }

    @Test
    void tokenHolderLoginsStillWork() {
        Enrolled account = enrolled();
        String fresh = token(login(account.username(), PASSWORD, freshCode(account.app())));
        assertEquals(200, http.session(fresh).statusCode());
        assertEquals(200, http.session(account.token()).statusCode(), "the session that enrolled lives on");
    }

    @Test
    void aNewAccountUnderADeletedOnesNameInheritsNoSecondFactorAndNoRecoveryCode() {
        Enrolled old = enrolled();
        HttpResponse<String> deleted =
                http.postJson("account/delete", old.token(), body("password", PASSWORD, "otp", freshCode(old.app())));
        assertEquals(200, deleted.statusCode(), deleted.body());

        assertEquals(201, http.register(old.username(), PASSWORD).statusCode());
        assertEquals(200, login(old.username(), PASSWORD, null).statusCode(), "no second factor inherited");
        String token = token(login(old.username(), PASSWORD, null));
        TestAuthenticator app = new TestAuthenticator(json(http.postJson("mfa/totp", token, body("password", PASSWORD)))
                .getString("secret"));
        assertEquals(
                200,
                http.postJson("mfa/totp/confirm", token, body("code", currentCode(app)))
                        .statusCode());
        JsonObject refused = assertProblem(
                401, login(old.username(), PASSWORD, old.recoveryCodes().get(0)));
        assertTrue(refused.getBoolean("mfa_required"), "the deleted account's recovery code is gone");
    }

    @Test
    void enrolmentAndConfirmationEndTheUsersOtherSessions() {
        String username = uniqueUsername("others");
        String enrolling = http.newSession(username, PASSWORD);
        String before = token(login(username, PASSWORD, null));
        JsonObject enrolment = json(http.postJson("mfa/totp", enrolling, body("password", PASSWORD)));
        assertProblem(401, http.session(before), "a session from before enrolment ends with it");

        String between = token(login(username, PASSWORD, null));
        TestAuthenticator app = new TestAuthenticator(enrolment.getString("secret"));
        assertEquals(
                200,
                http.postJson("mfa/totp/confirm", enrolling, body("code", currentCode(app)))
                        .statusCode());
        assertProblem(401, http.session(between), "a session from before confirmation ends with it");
        assertEquals(200, http.session(enrolling).statusCode(), "the session that enrolled lives on");
    }
}
