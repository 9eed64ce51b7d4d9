package dev.authservice.auth.it;

import static dev.authservice.auth.it.HttpClientSupport.json;
import static dev.authservice.auth.it.HttpClientSupport.uniqueUsername;
import static dev.authservice.auth.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** What the service refuses: weak passwords, impossible usernames, brute force, enumeration. */
class AccountProtectionIT extends DeployedServiceTest {

    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.authService(Deployments.FAST_HASHING);
    }

    private String refusedPassword(String password) {
        JsonObject problem = assertProblem(400, http.register(uniqueUsername("pw"), password));
        assertFalse(problem.toString().contains(password), "the password is not echoed");
        return problem.getString("detail");
    }

    @Test
    void theSpecsExampleStillRegistersAndLogsIn() {
        HttpResponse<String> registered = http.register("testuser", "testpassword");
        assertTrue(registered.statusCode() == 201 || registered.statusCode() == 400, registered.body());
        assertEquals(200, http.login("testuser", "testpassword").statusCode());
    }

    @Test
    void passwordsUnderEightCodePointsAreRefused() {
        assertTrue(refusedPassword("short1!").contains("at least 8"));
        assertTrue(refusedPassword("😀😀😀😀").contains("at least 8"), "four code points, eight UTF-16 units");
        assertEquals(201, http.register(uniqueUsername("emoji"), "😀😀😀😀😀😀😀x").statusCode());
    }

    @Test
    void longPasswordsAreAllowedUpToTheDocumentedBound() {
        assertEquals(201, http.register(uniqueUsername("p64"), "k".repeat(63) + "!").statusCode());
        assertEquals(201, http.register(uniqueUsername("p1024"), "k9".repeat(512)).statusCode());
        assertTrue(refusedPassword("k9".repeat(512) + "x").contains("at most 1024"));
    }

    @Test
    void commonPasswordsAreRefused() {
        assertTrue(refusedPassword("password1").contains("common"));
        assertTrue(refusedPassword("iloveyou").contains("common"));
        assertTrue(refusedPassword("Qwertyuiop").contains("common"));
    }

    @Test
    void thePasswordMayNotBeTheUsername() {
        String username = uniqueUsername("same");
        assertTrue(assertProblem(400, http.register(username, username.toUpperCase())).getString("detail").contains("username"));
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

    @Test
    void usernamesWithSpacesControlsOrBidiOverridesAreRefused() {
        for (String bad : new String[] {"foo bar", "\u202Eadmin", "ad\u0000min", "tab\tname", "henryⅣ", "♚", "a".repeat(65)}) {
            assertProblem(400, http.register(bad, PASSWORD));
        }
    }

    @Test
    void fiveFailuresThenRefusedEvenWithTheRightPasswordThenReset() throws Exception {
        String username = uniqueUsername("brute");
        http.register(username, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertProblem(401, http.login(username, "wrong guess " + i));
        }
        HttpResponse<String> throttled = http.login(username, PASSWORD);
        assertProblem(429, throttled);
        assertEquals("1", throttled.headers().firstValue("Retry-After").orElse(""));

        Thread.sleep(1_100);
        assertProblem(401, http.login(username, "wrong guess 5"));
        HttpResponse<String> doubled = http.login(username, PASSWORD);
        assertProblem(429, doubled);
        assertEquals("2", doubled.headers().firstValue("Retry-After").orElse(""));

        Thread.sleep(2_100);
        assertEquals(200, http.login(username, PASSWORD).statusCode(), "a success after the wait");
        for (int i = 0; i < 5; i++) {
            assertProblem(401, http.login(username, "again " + i));
        }
        assertProblem(429, http.login(username, PASSWORD));
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
        assertEquals(ghostThrottled.headers().firstValue("Retry-After"), knownThrottled.headers().firstValue("Retry-After"));
    }

    @Test
    void throttlingIsPerAccount() {
        String attacked = uniqueUsername("attacked");
        String bystander = uniqueUsername("bystander");
        http.register(attacked, PASSWORD);
        http.register(bystander, PASSWORD);
        for (int i = 0; i < 6; i++) {
            http.login(attacked, "guess " + i);
        }
        assertEquals(200, http.login(bystander, PASSWORD).statusCode());
    }
}
