package dev.authservice.it.operations;

import static dev.authservice.it.support.HttpClientSupport.json;
import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.DeployedService;
import dev.authservice.it.support.HttpClientSupport;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health, metrics and OpenAPI at the same paths on every server: the server's own endpoints (Payara) or the application's. */
class OperationsIT extends DeployedService {

    private static final String PASSWORD = "correct horse battery";

    HttpClientSupport server;

    @BeforeEach
    void serverClient() {
        server = new HttpClientSupport(
                URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/"));
    }

    @Test
    void readinessIncludesARealDatabaseCheck() {
        HttpResponse<String> ready = server.send(server.request("health/ready").GET());
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject body = json(ready);
        assertEquals("UP", body.getString("status"));
        assertTrue(
                body.getJsonArray("checks").stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(check -> check.getString("name").equals("database")
                                && check.getString("status").equals("UP")),
                body.toString());
    }

    @Test
    void livenessIsUp() {
        HttpResponse<String> live = server.send(server.request("health/live").GET());
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", json(live).getString("status"));
    }

    @Test
    void countersMoveWithEvents() {
        // The first use of the hasher also hashes the dummy password for unknown users.
        http.login(uniqueUsername("warm-up"), PASSWORD);
        double registrations = metric("auth_registrations_total\\{[^}]*}");
        double successes = metric("auth_logins_total\\{[^}]*outcome=\"success\"[^}]*}");
        double failures = metric("auth_logins_total\\{[^}]*outcome=\"failure\"[^}]*}");
        double logouts = metric("auth_logouts_total\\{[^}]*}");
        double hashes = metric("auth_password_hashes_total\\{[^}]*}");
        double hashingSeconds = metric("auth_password_hashing_seconds_total\\{[^}]*}");

        String username = uniqueUsername("metrics");
        String token = http.newSession(username, PASSWORD);
        http.login(username, "wrong password");
        http.logout(token);

        assertEquals(registrations + 1, metric("auth_registrations_total\\{[^}]*}"));
        assertEquals(successes + 1, metric("auth_logins_total\\{[^}]*outcome=\"success\"[^}]*}"));
        assertEquals(failures + 1, metric("auth_logins_total\\{[^}]*outcome=\"failure\"[^}]*}"));
        assertEquals(logouts + 1, metric("auth_logouts_total\\{[^}]*}"));
        assertEquals(hashes + 3, metric("auth_password_hashes_total\\{[^}]*}"), "register, login, failed login");
        double spent = metric("auth_password_hashing_seconds_total\\{[^}]*}") - hashingSeconds;
        assertTrue(
                spent > 0 && spent < 10,
                "three fast hashes take well under ten seconds, not " + spent + " (nanoseconds?)");
    }

    /** The defence against finding names by timing: an unknown name costs what a wrong password costs. */
    @Test
    void aLoginWithAnUnknownNameCostsExactlyOneHashLikeAWrongPassword() {
        String username = uniqueUsername("known");
        http.newSession(username, PASSWORD);
        double before = metric("auth_password_hashes_total\\{[^}]*}");
        http.login(username, "wrong password");
        double afterWrongPassword = metric("auth_password_hashes_total\\{[^}]*}");
        http.login(uniqueUsername("unknown"), PASSWORD);
        double afterUnknownName = metric("auth_password_hashes_total\\{[^}]*}");
        assertEquals(1, afterWrongPassword - before, "a wrong password: one verification");
        assertEquals(1, afterUnknownName - afterWrongPassword, "an unknown name: one verification too");
    }

    @Test
    void theLiveSessionGaugeCountsSessions() {
        double before = metric("auth_sessions_live\\{[^}]*}");
        String token = http.newSession(uniqueUsername("gauge"), PASSWORD);
        assertEquals(before + 1, metric("auth_sessions_live\\{[^}]*}"));
        http.logout(token);
        assertEquals(before, metric("auth_sessions_live\\{[^}]*}"));
        String all = metrics();
        assertTrue(all.contains("outcome=\"throttled\""), "the throttled counter exists before any throttling");
        for (String counter : new String[] {
            "auth_otp_failures_total",
            "auth_mfa_changes_total{",
            "change=\"confirmed\"",
            "auth_sessions_revoked_total",
            "auth_accounts_deleted_total"
        }) {
            assertTrue(all.contains(counter), counter + " is listed from the start");
        }
    }

    @Test
    void openApiDocumentsEveryEndpoint() {
        HttpResponse<String> response = server.send(server.request("openapi").GET());
        assertEquals(200, response.statusCode());
        String document = response.body();
        List<String> shipped = paths(packagedOpenApi());
        assertTrue(
                shipped.containsAll(List.of(
                        "/register", "/login", "/logout", "/session", "/forward-auth", "/admin/users", "/introspect")),
                "the JSON API's operations: " + shipped);
        for (String path : shipped) {
            assertTrue(document.lines().anyMatch(line -> line.equals("  " + path + ":")), path);
        }
        for (String detail :
                new String[] {"201", "401", "429", "application/problem+json", "X-Auth-User", "example", "expires_in"
                }) {
            assertTrue(document.contains(detail), detail);
        }
    }

    /** The document the WAR ships (META-INF/openapi.yaml), which the test's class path holds too. */
    private static String packagedOpenApi() {
        try (InputStream in = OperationsIT.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> paths(String yaml) {
        return yaml.lines()
                .takeWhile(line -> !line.startsWith("components:"))
                .filter(line -> line.matches("  /[^:]*:"))
                .map(line -> line.substring(2, line.length() - 1))
                .toList();
    }

    private String metrics() {
        HttpResponse<String> response = server.send(server.request("metrics").GET());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private double metric(String nameAndLabels) {
        Matcher m = Pattern.compile("(?m)^" + nameAndLabels + " ([0-9.E+-]+)$").matcher(metrics());
        assertTrue(m.find(), "no metric " + nameAndLabels);
        return Double.parseDouble(m.group(1));
    }
}
