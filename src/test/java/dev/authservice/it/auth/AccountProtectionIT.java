package dev.authservice.it.auth;

import static dev.authservice.it.support.HttpClientSupport.json;
import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static dev.authservice.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.DeployedService;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the service refuses: weak passwords, impossible usernames, brute force, enumeration. */
class AccountProtectionIT extends DeployedService {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void theSpecsExampleRegistersAndLogsIn() {
        assertEquals(
                201, http.register("testuser", "testpassword").statusCode(), "a database of this deployment's own");
        assertEquals(200, http.login("testuser", "testpassword").statusCode());
    }

    /** The rules themselves are PasswordPolicyTest's; this checks that registration applies them. */
    @Test
    void registrationAppliesThePasswordPolicyWithoutEchoingThePassword() {
        JsonObject problem = assertProblem(400, http.register(uniqueUsername("pw"), "iloveyou"));
        assertTrue(problem.getString("detail").contains("common"), problem.toString());
        assertFalse(problem.toString().contains("iloveyou"), "the password is not echoed");
        assertProblem(400, http.register(uniqueUsername("pw"), "short"));
    }

    @Test
    void anUnpairedSurrogateIsRefusedRatherThanHashedAsQuestionMarks() {
        String username = uniqueUsername("surrogate");
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + "\\ud800".repeat(8) + "\"}";
        JsonObject problem = assertProblem(400, http.postJson("register", body));
        assertTrue(problem.getString("detail").contains("surrogate"), problem.toString());
        assertProblem(401, http.login(username, "????????"));
        assertProblem(
                400, http.postJson("register", "{\"username\":\"bob\\udc00\",\"password\":\"correct horse battery\"}"));
    }

    @Test
    void aPasswordWithANulIsRefusedBecauseHashingWouldNotSeeIt() {
        String username = uniqueUsername("nul");
        JsonObject problem = assertProblem(400, http.register(username, PASSWORD + "\u0000"));
        assertTrue(problem.getString("detail").contains("control characters"), problem.toString());
        assertProblem(401, http.login(username, PASSWORD));
    }

    @Test
    void nothingIsTruncated() {
        String username = uniqueUsername("trunc");
        String password = "0123456789abcdefghij".repeat(4);
        assertEquals(201, http.register(username, password).statusCode());
        assertProblem(401, http.login(username, password.substring(0, 72)));
        assertEquals(200, http.login(username, password).statusCode());
    }

    @Test
    void aPasswordTypedAsNfdMatchesItsNfcForm() {
        String username = uniqueUsername("nfd");
        assertEquals(201, http.register(username, "\u00C5ngstr\u00F6m units").statusCode());
        assertEquals(200, http.login(username, "A\u030Angstro\u0308m units").statusCode());
    }

    @Test
    void usernamesAreStoredCanonicallyAndAnyVariantLogsIn() {
        String suffix = uniqueUsername("").substring(1);
        String typed = "Alice" + suffix;
        HttpResponse<String> registered = http.register(typed, PASSWORD);
        assertEquals(201, registered.statusCode(), registered.body());
        assertEquals("alice" + suffix, json(registered).getString("username"));
        assertProblem(400, http.register("alice" + suffix, PASSWORD));
        assertProblem(400, http.register("ａｌｉｃｅ" + suffix, PASSWORD));
        assertEquals(200, http.login("ALICE" + suffix, PASSWORD).statusCode());
        assertEquals(200, http.login("ＡＬＩＣＥ" + suffix, PASSWORD).statusCode());
    }

    /** Such a name once gave 500 on PostgreSQL (a NUL in the throttle key) and on Derby (a key too long). */
    @Test
    void aLoginNameNoAccountCanHaveIsAFailedLoginThrottledLikeAnyUnknownName() {
        for (String impossible : new String[] {
            "john smith",
            "tab\tname",
            "a".repeat(65),
            "\u202Eevil",
            "x".repeat(300),
            "henryⅣ",
            "ﬁle",
            "\uE000private",
            "\u0378unassigned",
            "nul\u0000name",
            "\nevent=login.success user=admin " + "a".repeat(260)
        }) {
            assertProblem(401, http.login(impossible, PASSWORD));
        }
        String name = "no such user " + uniqueUsername("");
        for (int i = 0; i < 5; i++) {
            assertProblem(401, http.login(name, PASSWORD));
        }
        assertProblem(429, http.login(name, PASSWORD));
    }

    @Test
    void usernamesWithSpacesControlsOrBidiOverridesAreRefused() {
        for (String bad :
                new String[] {"foo bar", "\u202Eadmin", "ad\u0000min", "tab\tname", "henryⅣ", "♚", "a".repeat(65)}) {
            assertProblem(400, http.register(bad, PASSWORD));
        }
    }

    @Test
    void fiveFailuresThenRefusedEvenWithTheRightPasswordThenReset() {
        String username = uniqueUsername("brute");
        http.register(username, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertProblem(401, http.login(username, "wrong guess " + i));
        }
        HttpResponse<String> throttled = http.login(username, PASSWORD);
        assertProblem(429, throttled);
        assertEquals("1", throttled.headers().firstValue("Retry-After").orElse(""));

        http.advanceClock(Duration.ofSeconds(1));
        assertProblem(401, http.login(username, "wrong guess 5"));
        HttpResponse<String> doubled = http.login(username, PASSWORD);
        assertProblem(429, doubled);
        assertEquals("2", doubled.headers().firstValue("Retry-After").orElse(""));

        http.advanceClock(Duration.ofSeconds(2));
        assertEquals(200, http.login(username, PASSWORD).statusCode(), "a success after the wait");
        for (int i = 0; i < 5; i++) {
            assertProblem(401, http.login(username, "again " + i));
        }
        assertProblem(429, http.login(username, PASSWORD));
    }

    @Test
    void waitingHoursDoesNotResetTheCount() {
        String username = uniqueUsername("patient");
        http.register(username, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertProblem(401, http.login(username, "guess " + i));
        }
        http.advanceClock(Duration.ofHours(20));
        assertProblem(401, http.login(username, "guess after a night"));
        HttpResponse<String> throttled = http.login(username, PASSWORD);
        assertProblem(429, throttled);
        assertEquals(
                "2", throttled.headers().firstValue("Retry-After").orElse(""), "the doubling resumes where it was");
    }

    @Test
    void unknownUsernamesAreThrottledTheSameWay() {
        String ghost = uniqueUsername("ghost");
        String known = uniqueUsername("known");
        http.register(known, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertProblem(401, http.login(ghost, "guess " + i));
            assertProblem(401, http.login(known, "guess " + i));
        }
        HttpResponse<String> ghostThrottled = http.login(ghost, "guess");
        HttpResponse<String> knownThrottled = http.login(known, "guess");
        assertProblem(429, ghostThrottled);
        assertProblem(429, knownThrottled);
        assertEquals(ghostThrottled.body(), knownThrottled.body());
        assertEquals(
                ghostThrottled.headers().firstValue("Retry-After"),
                knownThrottled.headers().firstValue("Retry-After"));
    }

    @Test
    void throttlingIsPerAccount() {
        String attacked = uniqueUsername("attacked");
        String bystander = uniqueUsername("bystander");
        http.register(attacked, PASSWORD);
        http.register(bystander, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertProblem(401, http.login(attacked, "guess " + i));
        }
        assertProblem(429, http.login(attacked, PASSWORD));
        assertEquals(200, http.login(bystander, PASSWORD).statusCode());
    }
}
