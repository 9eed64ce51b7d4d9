package dev.authservice.auth.it;

import static dev.authservice.auth.it.HttpClientSupport.json;
import static dev.authservice.auth.it.HttpClientSupport.token;
import static dev.authservice.auth.it.HttpClientSupport.uniqueUsername;
import static dev.authservice.auth.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The session check for front ends, logout everywhere, password change, and both timeouts, with
 * lifetimes shortened to seconds: idle 3 s, absolute 7 s, idle deadline written when moved 1 s.
 */
class SessionLifecycleIT extends DeployedServiceTest {

    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.authService(Map.of(
                "auth.password.hash.iterations", "1024",
                "auth.session.idle-timeout", "PT3S",
                "auth.session.absolute-timeout", "PT7S",
                "auth.session.idle-refresh", "PT1S"));
    }

    private HttpResponse<String> session(String token) {
        return http.send(http.request("session").header("Authorization", "Bearer " + token).GET());
    }

    @Test
    void sessionAnswersTheUserAndDeadlinesWithXAuthUser() {
        String username = uniqueUsername("front");
        String token = http.newSession(username, PASSWORD);
        HttpResponse<String> response = session(token);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = json(response);
        assertEquals(username, body.getString("username"));
        assertEquals(username, response.headers().firstValue("X-Auth-User").orElse(""));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        Instant created = Instant.parse(body.getString("created_at"));
        Instant expires = Instant.parse(body.getString("expires_at"));
        Instant idle = Instant.parse(body.getString("idle_expires_at"));
        assertEquals(Duration.ofSeconds(7), Duration.between(created, expires));
        assertTrue(!idle.isAfter(expires) && idle.isAfter(created), body.toString());
        assertTrue(body.getString("created_at").endsWith("Z"), "ISO-8601 UTC");
    }

    @Test
    void nonAsciiUsernamesArePercentEncodedInTheHeader() {
        String username = "fußball-" + uniqueUsername("x").substring(2);
        String token = http.newSession(username, PASSWORD);
        HttpResponse<String> response = session(token);
        assertEquals(username, json(response).getString("username"));
        assertEquals(username.replace("ß", "%C3%9F"), response.headers().firstValue("X-Auth-User").orElse(""));
    }

    @Test
    void sessionRefusesLikeLogout() {
        HttpResponse<String> none = http.send(http.request("session").GET());
        assertProblem(401, none);
        assertEquals("Bearer realm=\"auth-service\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
        HttpResponse<String> bogus = session("b".repeat(43));
        assertProblem(401, bogus);
        assertTrue(bogus.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));

        String token = http.newSession(uniqueUsername("revoked"), PASSWORD);
        assertEquals(200, http.logout(token).statusCode());
        assertProblem(401, session(token));
    }

    @Test
    void envoyStyleChecksOfAnyPathAndMethodAreAnswered() {
        String token = http.newSession(uniqueUsername("envoy"), PASSWORD);
        for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
            HttpResponse<String> response = http.send(http.request("session/app/orders/42")
                    .header("Authorization", "Bearer " + token)
                    .method(method, HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, response.statusCode(), method + " " + response.body());
            assertTrue(response.headers().firstValue("X-Auth-User").isPresent());
        }
        assertProblem(401, http.send(http.request("session/app").POST(HttpRequest.BodyPublishers.noBody())));
    }

    @Test
    void expiresInIsTheRealRemainingLifetime() {
        String username = uniqueUsername("expiresin");
        http.register(username, PASSWORD);
        HttpResponse<String> login = http.login(username, PASSWORD);
        assertEquals(3, json(login).getInt("expires_in"), "the idle deadline comes first");
        JsonObject session = json(session(token(login)));
        Duration untilIdle = Duration.between(Instant.parse(session.getString("created_at")),
                Instant.parse(session.getString("idle_expires_at")));
        assertTrue(untilIdle.toSeconds() >= 3 && untilIdle.toSeconds() <= 4, session.toString());
    }

    @Test
    void anUnusedSessionDiesAtTheIdleTimeout() throws Exception {
        String token = http.newSession(uniqueUsername("idle"), PASSWORD);
        Thread.sleep(3_300);
        HttpResponse<String> response = session(token);
        assertProblem(401, response);
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
        assertProblem(401, http.logout(token));
    }

    @Test
    void useSlidesTheIdleDeadlineButNeverPastTheAbsoluteOne() throws Exception {
        String token = http.newSession(uniqueUsername("slide"), PASSWORD);
        Instant deadline = Instant.now().plusMillis(5_500);
        while (Instant.now().isBefore(deadline)) {
            assertEquals(200, session(token).statusCode(), "kept alive by use, past the 3 s idle timeout");
            Thread.sleep(1_200);
        }
        Thread.sleep(2_000);
        // 7.5 s after login: past the absolute timeout although it was used 2 s ago
        assertProblem(401, session(token));
    }

    @Test
    void logoutAllRevokesEverySessionOfTheUser() {
        String username = uniqueUsername("everywhere");
        http.register(username, PASSWORD);
        String first = token(http.login(username, PASSWORD));
        String second = token(http.login(username, PASSWORD));
        String third = token(http.login(username, PASSWORD));
        String bystander = http.newSession(uniqueUsername("bystander"), PASSWORD);

        HttpResponse<String> response = http.postWithBearer("logout-all", second);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(3, json(response).getInt("revoked"));
        for (String token : new String[] {first, second, third}) {
            assertProblem(401, session(token));
        }
        assertEquals(200, session(bystander).statusCode());
        assertProblem(401, http.postWithBearer("logout-all", second));
    }

    private HttpResponse<String> changePassword(String token, String current, String replacement) {
        String body = Json.createObjectBuilder().add("current_password", current).add("new_password", replacement).build().toString();
        return http.send(http.request("password").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void changingThePasswordRevokesTheOtherSessions() {
        String username = uniqueUsername("change");
        http.register(username, PASSWORD);
        String kept = token(http.login(username, PASSWORD));
        String other = token(http.login(username, PASSWORD));

        HttpResponse<String> response = changePassword(kept, PASSWORD, "a brand new passphrase");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(200, session(kept).statusCode());
        assertProblem(401, session(other));
        assertProblem(401, http.login(username, PASSWORD));
        assertEquals(200, http.login(username, "a brand new passphrase").statusCode());
    }

    @Test
    void theNewPasswordPassesThePolicyAndTheCurrentOneMustBeRight() {
        String username = uniqueUsername("policy");
        String token = http.newSession(username, PASSWORD);
        assertTrue(assertProblem(400, changePassword(token, PASSWORD, "short")).getString("detail").contains("at least 8"));
        assertTrue(assertProblem(400, changePassword(token, PASSWORD, "iloveyou")).getString("detail").contains("common"));
        assertProblem(400, http.send(http.request("password").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"new_password\":\"x\"}"))));
        assertProblem(401, changePassword(token, "not the password", "a brand new passphrase"));
        assertProblem(401, changePassword("c".repeat(43), PASSWORD, "a brand new passphrase"));
        assertEquals(200, http.login(username, PASSWORD).statusCode(), "nothing changed");
    }

    @Test
    void wrongCurrentPasswordsCountAsLoginFailures() {
        String username = uniqueUsername("pwbrute");
        String token = http.newSession(username, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertProblem(401, changePassword(token, "guess " + i, "a brand new passphrase"));
        }
        assertProblem(429, changePassword(token, PASSWORD, "a brand new passphrase"));
        assertProblem(429, http.login(username, PASSWORD));
    }
}
