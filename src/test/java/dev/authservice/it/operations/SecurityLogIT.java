package dev.authservice.it.operations;

import static dev.authservice.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.Poll;
import dev.authservice.it.support.ServiceProcess;
import dev.authservice.it.support.TestAuthenticator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What an operator learns of accounts from the service as shipped: the first administrator's
 * password, which sat in the environment, is changed before anything else, and its first second
 * factor is a WARNING; the security log says why a login or a location refused someone (never the
 * answer).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityLogIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String ADMIN = "log-admin";

    private static ServiceProcess service;
    private static HttpClientSupport http;

    @BeforeAll
    static void start() {
        service = new ServiceProcess(ServiceProcess.workDir("security-log"))
                .withEnv("AUTH_PASSWORD_HASH_ITERATIONS", "1024")
                .withEnv("AUTH_BOOTSTRAP_ADMIN_USERNAME", ADMIN)
                .withEnv("AUTH_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD)
                .withEnv("AUTH_ADMIN_REQUIRE_SECOND_FACTOR", "false")
                .start();
        http = new HttpClientSupport(service.baseUri());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        service.close();
    }

    @Test
    @Order(1)
    void theFirstAdministratorChangesThePasswordFromTheEnvironmentBeforeAnythingElse() {
        String token = HttpClientSupport.token(http.login(ADMIN, PASSWORD));
        for (HttpResponse<String> refused : new HttpResponse[] {
            http.send(http.request("admin/users")
                    .header("Authorization", "Bearer " + token)
                    .GET()),
            http.session(token),
            http.send(http.request("sessions")
                    .header("Authorization", "Bearer " + token)
                    .GET())
        }) {
            assertTrue(assertProblem(403, refused).getString("detail").contains("password must be changed"));
        }

        assertEquals(
                200,
                changePassword(token, PASSWORD, "a password nobody else knew").statusCode());

        assertEquals(200, http.session(token).statusCode(), "the session that changed it may do everything now");
        assertEquals(
                200,
                http.send(http.request("admin/users")
                                .header("Authorization", "Bearer " + token)
                                .GET())
                        .statusCode());
        assertEquals(401, http.login(ADMIN, PASSWORD).statusCode(), "the environment's password is gone");
        assertEquals(200, http.session(adminToken()).statusCode(), "a new session of the changed password may too");
    }

    @Test
    @Order(2)
    void aDisabledAccountsRefusedLoginSaysWhyInTheLogAndNotInTheAnswer() {
        String bob = HttpClientSupport.uniqueUsername("bob");
        assertEquals(201, http.register(bob, PASSWORD).statusCode());
        assertEquals(200, admin("admin/users/" + bob + "/disable").statusCode());

        HttpResponse<String> refused = http.login(bob, PASSWORD);

        assertProblem(401, refused);
        assertFalse(refused.body().contains("disabled"), refused.body());
        assertTrue(
                Poll.until(
                        Duration.ofSeconds(10),
                        () -> service.log()
                                .contains("event=login.failure user=" + bob + " client=127.0.0.1 reason=disabled")),
                "the log says why");
    }

    @Test
    @Order(3)
    void aLocationsGroupRefusalNamesTheGroupAskedFor() {
        String carol = HttpClientSupport.uniqueUsername("carol");
        String token = http.newSession(carol, PASSWORD);

        HttpResponse<String> refused = http.send(http.request("session?group=hr&group=finance")
                .header("Authorization", "Bearer " + token)
                .GET());

        assertProblem(403, refused);
        assertTrue(
                Poll.until(
                        Duration.ofSeconds(10),
                        () -> service.log()
                                .contains("event=access.forbidden user=" + carol
                                        + " client=127.0.0.1 target=hr,finance")),
                "the log names the groups the location asked for");
    }

    @Test
    @Order(4)
    void anAdministratorsFirstSecondFactorIsAWarning() {
        String token = adminToken();
        String secret = HttpClientSupport.json(
                        http.postJson("mfa/totp", token, "{\"password\":\"a password nobody else knew\"}"))
                .getString("secret");
        String code = new TestAuthenticator(secret).codeAt(Instant.now());
        assertEquals(
                200,
                http.postJson("mfa/totp/confirm", token, "{\"code\":\"" + code + "\"}")
                        .statusCode());

        assertTrue(
                Poll.until(
                        Duration.ofSeconds(10),
                        () -> service.log()
                                .lines()
                                .anyMatch(line -> line.contains("WARNING")
                                        && line.contains("event=admin.second-factor.added user=" + ADMIN))),
                "a WARNING names the administrator");
    }

    private static String adminToken() {
        return HttpClientSupport.token(http.login(ADMIN, "a password nobody else knew"));
    }

    private static HttpResponse<String> admin(String path) {
        String token = adminToken();
        return http.send(http.request(path)
                .header("Authorization", "Bearer " + token)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> changePassword(String token, String current, String replacement) {
        return http.postJson(
                "password",
                token,
                "{\"current_password\":\"" + current + "\",\"new_password\":\"" + replacement + "\"}");
    }
}
