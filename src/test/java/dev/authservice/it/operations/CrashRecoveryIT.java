package dev.authservice.it.operations;

import static dev.authservice.it.support.HttpClientSupport.json;
import static dev.authservice.it.support.HttpClientSupport.token;
import static dev.authservice.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.Poll;
import dev.authservice.it.support.ServiceProcess;
import dev.authservice.it.support.TestAuthenticator;
import dev.authservice.it.support.TestDatabase;
import jakarta.json.JsonString;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Durability and shipped defaults, against the packaged WAR with its own configuration: what the
 * service acknowledged survives `kill -9`, and the stored hashes use OWASP's PBKDF2 parameters.
 */
class CrashRecoveryIT {

    private static final String PASSWORD = "a password nobody guesses";

    /**
     * SIGKILL while registrations, logins and logouts are in flight: everything the service
     * acknowledged before it died holds after the restart, on Derby and on PostgreSQL (-Ppostgres).
     */
    @Test
    void workAcknowledgedWhileOtherWorkIsInFlightSurvivesKill9() throws Exception {
        ServiceProcess service = new ServiceProcess(ServiceProcess.workDir("crash-under-load"))
                .withEnv("AUTH_PASSWORD_HASH_ITERATIONS", "1024");
        if (TestDatabase.isPostgres()) {
            Map<String, String> db = TestDatabase.freshPostgres("crash");
            service.withEnv("AUTH_DB_URL", db.get("auth.db.url"))
                    .withEnv("AUTH_DB_USER", db.get("auth.db.user"))
                    .withEnv("AUTH_DB_PASSWORD", db.get("auth.db.password"));
        }
        Queue<String> registered = new ConcurrentLinkedQueue<>();
        Queue<String> live = new ConcurrentLinkedQueue<>();
        Queue<String> loggedOut = new ConcurrentLinkedQueue<>();
        // Before the kill every request is answered as the contract says; any other answer is a failure.
        Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger cutOff = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        try (ServiceProcess running = service.start()) {
            HttpClientSupport http = new HttpClientSupport(running.baseUri());
            ExecutorService load = Executors.newFixedThreadPool(4);
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                workers.add(load.submit(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        String username = HttpClientSupport.uniqueUsername("inflight");
                        try {
                            HttpResponse<String> registration = http.register(username, PASSWORD);
                            if (registration.statusCode() != 201) {
                                unexpected.add("register " + registration.statusCode() + " " + registration.body());
                                continue;
                            }
                            registered.add(username);
                            HttpResponse<String> login = http.login(username, PASSWORD);
                            if (login.statusCode() != 200) {
                                unexpected.add("login " + login.statusCode() + " " + login.body());
                                continue;
                            }
                            String token = token(login);
                            if (n % 2 == 0) {
                                live.add(token);
                            } else {
                                HttpResponse<String> logout = http.logout(token);
                                if (logout.statusCode() == 200) {
                                    loggedOut.add(token);
                                } else {
                                    unexpected.add("logout " + logout.statusCode() + " " + logout.body());
                                }
                            }
                        } catch (UncheckedIOException failed) {
                            // Refused: sent after the kill. Anything else: the process died mid-request.
                            if (!(failed.getCause() instanceof ConnectException)) {
                                cutOff.incrementAndGet();
                            }
                        }
                    }
                }));
            }
            assertTrue(Poll.until(Duration.ofSeconds(60), () -> registered.size() >= 30), "load is running");
            running.kill9();
            stop.set(true);
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            load.shutdown();
            assertTrue(cutOff.get() >= 1, "the kill cut off requests in flight");
            assertTrue(unexpected.isEmpty(), "answers other than the contract's before the kill: " + unexpected);

            running.start();
            for (String username : registered) {
                assertEquals(200, http.login(username, PASSWORD).statusCode(), username + " was acknowledged");
            }
            for (String token : live) {
                assertEquals(200, http.session(token).statusCode(), "an acknowledged login survives");
            }
            for (String token : loggedOut) {
                assertProblem(401, http.session(token));
            }
        }
    }

    @Test
    void acknowledgedRegistrationsAndLogoutsSurviveKill9() throws Exception {
        assumeFalse(TestDatabase.isPostgres(), "reads the Derby files of the stopped service");
        Path workDir = ServiceProcess.workDir("crash");
        List<String> users = new ArrayList<>();
        String revoked;
        String live;
        // Exactly as the README's production command starts it: target/auth-service.sh.
        try (ServiceProcess service =
                new ServiceProcess(workDir).asProductionCommand().start()) {
            HttpClientSupport http = new HttpClientSupport(service.baseUri());
            for (int i = 0; i < 3; i++) {
                String username = HttpClientSupport.uniqueUsername("durable" + i);
                assertEquals(201, http.register(username, PASSWORD).statusCode());
                users.add(username);
            }
            revoked = token(http.login(users.get(0), PASSWORD));
            live = token(http.login(users.get(0), PASSWORD));
            assertEquals(200, http.logout(revoked).statusCode());

            service.kill9();

            service.start();
            for (String username : users) {
                assertEquals(200, http.login(username, PASSWORD).statusCode(), username + " can still log in");
            }
            assertProblem(401, http.logout(revoked));
            assertEquals(200, http.logout(live).statusCode(), "an unrevoked session survived too");

            // A second factor from enrolment to a login with a code and one with a recovery code.
            String mfaUser = users.get(1);
            String mfaToken = token(http.login(mfaUser, PASSWORD));
            String secret = json(http.postJson("mfa/totp", mfaToken, "{\"password\":\"" + PASSWORD + "\"}"))
                    .getString("secret");
            TestAuthenticator app = new TestAuthenticator(secret);
            HttpResponse<String> confirmed =
                    http.postJson("mfa/totp/confirm", mfaToken, "{\"code\":\"" + app.codeAt(Instant.now()) + "\"}");
            assertEquals(200, confirmed.statusCode(), confirmed.body());
            List<String> recoveryCodes =
                    json(confirmed).getJsonArray("recovery_codes").getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString)
                            .toList();
            // The next step's code: the confirmation spent this one, and one step of drift is accepted.
            String nextCode = app.codeAt(Instant.now().plusSeconds(30));
            HttpResponse<String> withCode = http.postJson(
                    "login",
                    "{\"username\":\"" + mfaUser + "\",\"password\":\"" + PASSWORD + "\",\"otp\":\"" + nextCode
                            + "\"}");
            assertEquals(200, withCode.statusCode(), withCode.body());
            HttpResponse<String> withRecoveryCode = http.postJson(
                    "login",
                    "{\"username\":\"" + mfaUser + "\",\"password\":\"" + PASSWORD + "\",\"otp\":\""
                            + recoveryCodes.get(0) + "\"}");
            assertEquals(200, withRecoveryCode.statusCode(), withRecoveryCode.body());

            String log = service.log();
            assertFalse(log.contains(secret), "no TOTP secret in the server log");
            for (String code : recoveryCodes) {
                assertFalse(log.contains(code) || log.contains(code.replace("-", "")), "no recovery code in the log");
            }
            for (String token : List.of(mfaToken, token(withCode), token(withRecoveryCode))) {
                assertFalse(log.contains(token), "no token in the server log");
            }
            assertFalse(log.contains(PASSWORD), "no password in the server log");

            // The key that seals TOTP secrets, lost: a new one is made, and the old secrets no
            // longer open. That is a 500 whose log line tells the operator which key to restore.
            service.stop();
            Files.delete(workDir.resolve("totp.key"));
            service.start();
            HttpResponse<String> lostKey = http.postJson(
                    "login", "{\"username\":\"" + mfaUser + "\",\"password\":\"" + PASSWORD + "\",\"otp\":\"123456\"}");
            assertEquals(500, lostKey.statusCode(), lostKey.body());
            assertTrue(service.log().contains("(auth.mfa.key)"), "the log names the key");
            assertFalse(log.contains(revoked) || log.contains(live), "no token in the server log");
            assertTrue(
                    log.contains("event=register user=" + users.get(0) + " client=127.0.0.1"),
                    "security events are logged");
            assertTrue(log.contains("event=logout user=" + users.get(0)), "security events are logged");
        }

        // The server is down; read its database directly.
        try (Connection db = DriverManager.getConnection(
                "jdbc:derby:" + workDir.resolve("db").toAbsolutePath())) {
            String hash = single(db, "SELECT PASSWORD_HASH FROM AUTH_USER WHERE USERNAME = ?", users.get(0));
            assertShippedOwaspParameters(hash);
            assertEquals(
                    null,
                    single(db, "SELECT USERNAME FROM AUTH_SESSION WHERE TOKEN_HASH = ?", live),
                    "tokens are stored only as hashes");
        } finally {
            shutdownDerby(workDir.resolve("db"));
        }
    }

    /** PBKDF2WithHmacSHA256, 600,000 iterations, 32-byte salt, 32-byte key. */
    private static void assertShippedOwaspParameters(String storedHash) {
        String[] parts = storedHash.split(":");
        assertEquals(4, parts.length, storedHash);
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals("600000", parts[1]);
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length, "salt bytes");
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length, "key bytes");
        assertFalse(storedHash.contains(PASSWORD));
        assertTrue(storedHash.length() > 60);
    }

    private static String single(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static void shutdownDerby(Path db) {
        try {
            DriverManager.getConnection("jdbc:derby:" + db.toAbsolutePath() + ";shutdown=true")
                    .close();
        } catch (SQLException expected) {
            // Derby reports a successful shutdown as SQLState 08006.
        }
    }
}
