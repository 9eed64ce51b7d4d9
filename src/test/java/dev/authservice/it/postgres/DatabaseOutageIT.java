package dev.authservice.it.postgres;

import static dev.authservice.it.support.HttpClientSupport.json;
import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static dev.authservice.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.Poll;
import dev.authservice.it.support.PostgresCluster;
import dev.authservice.it.support.ServiceProcess;
import dev.authservice.it.support.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops under a running instance and comes back (-Ppostgres): meanwhile every request
 * gets 503 problem+json with Retry-After, not a hang and not HTML, and readiness says DOWN; once
 * the database is back, everything answers again without a restart of the service.
 */
class DatabaseOutageIT {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void aStoppedDatabaseIs503AndReadinessDownUntilItIsBack() throws Exception {
        Map<String, String> db = TestDatabase.freshPostgres("outage");
        try (ServiceProcess service = new ServiceProcess(ServiceProcess.workDir("outage"))
                .withEnv("AUTH_DB_URL", db.get("auth.db.url"))
                .withEnv("AUTH_DB_USER", db.get("auth.db.user"))
                .withEnv("AUTH_DB_PASSWORD", db.get("auth.db.password"))
                .start()) {
            HttpClientSupport http = new HttpClientSupport(service.baseUri());
            String username = uniqueUsername("outage");
            String token = http.newSession(username, PASSWORD);

            PostgresCluster.stop();
            try {
                List<Supplier<HttpResponse<String>>> requests = List.of(
                        () -> http.session(token),
                        () -> http.login(username, PASSWORD),
                        () -> http.register(uniqueUsername("during"), PASSWORD),
                        () -> http.logout(token));
                for (Supplier<HttpResponse<String>> request : requests) {
                    long start = System.nanoTime();
                    HttpResponse<String> refused = request.get();
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    assertProblem(503, refused);
                    assertEquals(
                            "5",
                            refused.headers().firstValue("Retry-After").orElse(""),
                            refused.uri().toString());
                    // The driver's connect timeout (5 s) and a second for the rest, not a hang that
                    // only the client's own timeout would end.
                    assertTrue(took.compareTo(Duration.ofSeconds(6)) <= 0, refused.uri() + " answered after " + took);
                }
                assertEquals(
                        200,
                        http.send(http.request("health/live").GET()).statusCode(),
                        "alive while the database is away: restarting would not bring it back");
                HttpResponse<String> ready =
                        http.send(http.request("health/ready").GET());
                assertEquals(503, ready.statusCode(), ready.body());
                assertEquals("DOWN", json(ready).getString("status"));
            } finally {
                PostgresCluster.resume();
            }

            assertTrue(
                    Poll.until(Duration.ofSeconds(60), () -> http.session(token).statusCode() == 200),
                    "the session answers again once the database is back");
            assertEquals(200, http.send(http.request("health/ready").GET()).statusCode());
            assertEquals(200, http.login(username, PASSWORD).statusCode());
            assertEquals(201, http.register(uniqueUsername("after"), PASSWORD).statusCode());
            assertFalse(service.log().contains(db.get("auth.db.password")), "the database password is never logged");
        }
    }
}
