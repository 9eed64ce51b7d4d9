package dev.authservice.it.postgres;

import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.oidc.RelyingParty;
import dev.authservice.it.support.FrontEndProcesses;
import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.NginxConfig;
import dev.authservice.it.support.Poll;
import dev.authservice.it.support.PortalBrowser;
import dev.authservice.it.support.ServiceProcess;
import dev.authservice.it.support.SoftwarePasskey;
import dev.authservice.it.support.TableRows;
import dev.authservice.it.support.TestAuthenticator;
import dev.authservice.it.support.TestDatabase;
import dev.authservice.it.support.TestMailServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Payara Micro processes on one PostgreSQL database behind a real nginx, round robin
 * (-Ppostgres): one truth across instances, and a kill -9 of one loses nothing acknowledged
 * while the other keeps answering through the front door.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String ADMIN_PASSWORD = "administrator horse battery";

    private static ServiceProcess first;
    private static ServiceProcess second;
    private static Process nginx;
    private static HttpClientSupport one;
    private static HttpClientSupport other;
    private static HttpClientSupport frontDoor;
    private static Map<String, String> db;
    private static int frontDoorPort;

    @BeforeAll
    static void twoInstancesBehindNginx() throws Exception {
        db = TestDatabase.freshPostgres("two");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String sharedKey = Base64.getEncoder().encodeToString(key);
        // Each instance is told of a different first administrator: of the two starting together
        // on one empty database, exactly one creates its own.
        frontDoorPort = freePort();
        first = instance("two-first", db, sharedKey).withEnv("AUTH_BOOTSTRAP_ADMIN_USERNAME", "first-root");
        second = instance("two-second", db, sharedKey).withEnv("AUTH_BOOTSTRAP_ADMIN_USERNAME", "second-root");
        CompletableFuture<ServiceProcess> starting = CompletableFuture.supplyAsync(first::start);
        second.start();
        starting.join();
        one = new HttpClientSupport(first.baseUri());
        other = new HttpClientSupport(second.baseUri());
        frontDoor = startNginx(frontDoorPort, first.port(), second.port());
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    @Order(1)
    void aTokenFromOneInstanceIsAcceptedByTheOtherAndEndsOnBoth() {
        String username = uniqueUsername("shared");
        String token = one.newSession(username, PASSWORD);
        assertEquals(200, other.session(token).statusCode(), "issued by one, accepted by the other at once");
        assertEquals(200, other.logout(token).statusCode());
        assertEquals(401, one.session(token).statusCode(), "logged out on the other, refused here at once");

        String a = loginOn(one, username);
        String b = loginOn(one, username);
        assertEquals(200, other.postWithBearer("logout-all", a).statusCode());
        assertEquals(401, one.session(b).statusCode(), "logout-all on the other ends every session here");

        String kept = loginOn(one, username);
        String ended = loginOn(one, username);
        assertEquals(
                200,
                other.postJson(
                                "password",
                                kept,
                                "{\"current_password\":\"" + PASSWORD
                                        + "\",\"new_password\":\"another horse battery\"}")
                        .statusCode());
        assertEquals(
                401, one.session(ended).statusCode(), "a password change on the other ends the other sessions here");
        assertEquals(200, one.session(kept).statusCode());
    }

    /**
     * Asked at once for the key set before either has a signing key, the two instances race to
     * make the first; one stores it, and both publish that one (and will sign with it).
     */
    @Test
    @Order(2)
    void bothInstancesPublishTheSameSigningKeyThoughBothWereAskedFirst() {
        CompletableFuture<HttpResponse<String>> here = CompletableFuture.supplyAsync(
                () -> one.send(one.request("oauth2/jwks").GET()));
        CompletableFuture<HttpResponse<String>> there = CompletableFuture.supplyAsync(
                () -> other.send(other.request("oauth2/jwks").GET()));
        HttpResponse<String> fromOne = here.join();
        assertEquals(200, fromOne.statusCode(), fromOne.body());
        assertTrue(fromOne.body().contains("\"kid\""), fromOne.body());
        assertEquals(fromOne.body(), there.join().body());
    }

    @Test
    @Order(2)
    void simultaneousRegistrationsOfOneNameOnBothInstancesGiveExactlyOne201() {
        for (int round = 0; round < 10; round++) {
            String username = uniqueUsername("race");
            CompletableFuture<HttpResponse<String>> here =
                    CompletableFuture.supplyAsync(() -> one.register(username, PASSWORD));
            CompletableFuture<HttpResponse<String>> there =
                    CompletableFuture.supplyAsync(() -> other.register(username, PASSWORD));
            List<Integer> statuses =
                    List.of(here.join().statusCode(), there.join().statusCode());
            assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
            assertTrue(statuses.contains(400), statuses.toString());
        }
    }

    @Test
    @Order(3)
    void throttlingCountsTheFailuresOfBothInstances() {
        String username = uniqueUsername("guessed");
        assertEquals(201, one.register(username, PASSWORD).statusCode());
        for (int i = 0; i < 5; i++) {
            HttpClientSupport instance = i % 2 == 0 ? one : other;
            assertEquals(401, instance.login(username, "wrong guess " + i).statusCode());
        }
        assertEquals(429, other.login(username, PASSWORD).statusCode(), "five failures in all, on two instances");
        assertEquals(429, one.login(username, PASSWORD).statusCode());
    }

    @Test
    @Order(3)
    void simultaneousWrongLoginsOnBothInstancesGetExactlyTheFreeFailures() throws Exception {
        String username = uniqueUsername("storm");
        assertEquals(201, one.register(username, PASSWORD).statusCode());
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                HttpClientSupport instance = i % 2 == 0 ? one : other;
                String guess = "wrong guess " + i;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return instance.login(username, guess).statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Long> counted = new TreeMap<>();
            for (Future<Integer> status : statuses) {
                counted.merge(status.get(120, TimeUnit.SECONDS), 1L, Long::sum);
            }
            assertEquals(Map.of(401, 5L, 429, 19L), counted, "five free failures in all, across both instances");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Expired rows written straight into the shared table; neither instance is asked to purge. */
    @Test
    @Order(4)
    void thePurgeTimersOfBothInstancesEmptyTheExpiredSessionsWithoutAnError() throws Exception {
        String username = uniqueUsername("expired");
        assertEquals(201, one.register(username, PASSWORD).statusCode());
        long past = System.currentTimeMillis() - Duration.ofHours(13).toMillis();
        try (Connection connection = DriverManager.getConnection(
                        db.get("auth.db.url"), db.get("auth.db.user"), db.get("auth.db.password"));
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO AUTH_SESSION (TOKEN_HASH, USERNAME,"
                                + " CREATED_AT, EXPIRES_AT, IDLE_EXPIRES_AT, LAST_USED_AT, SESSION_ID) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < 1_200; i++) {
                insert.setString(1, sha256Hex(username + i));
                insert.setString(2, username);
                insert.setLong(3, past);
                insert.setLong(4, past + 1);
                insert.setLong(5, past + 1);
                insert.setLong(6, past);
                insert.setString(7, "expired" + i);
                insert.addBatch();
            }
            assertEquals(1_200, insert.executeBatch().length);
        }
        // (The timers may be at work already: a run every 10 s on each instance.)
        assertTrue(
                Poll.until(Duration.ofSeconds(90), () -> sessionRowsOf(username) == 0),
                "the timers (every 10 s on each instance) deleted every expired session");
        for (ServiceProcess instance : List.of(first, second)) {
            String log = instance.log();
            assertFalse(log.toLowerCase().contains("deadlock"), "the purge timers of two instances never deadlock");
            assertFalse(log.contains("Purging expired sessions failed"), "nor fail each other's runs");
        }
    }

    /**
     * Under load through nginx, one instance dies by SIGKILL. A request counts as cut off only
     * when nginx answers 502 or the connection breaks; anything else unexpected fails the test.
     * Every acknowledged registration still logs in, every acknowledged session still passes the
     * check unless its own logout was acknowledged, and some request was in flight at the kill.
     */
    @Test
    @Order(6)
    void killingOneLosesNothingAcknowledgedAndTheOtherKeepsAnsweringThroughNginx() throws Exception {
        Queue<String> registered = new ConcurrentLinkedQueue<>();
        Queue<String> loggedOut = new ConcurrentLinkedQueue<>();
        Queue<String> live = new ConcurrentLinkedQueue<>();
        Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger cutOff = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(CompletableFuture.runAsync(
                    () -> {
                        for (int n = 0; !stop.get(); n++) {
                            String username = uniqueUsername("load");
                            try {
                                HttpResponse<String> registration = frontDoor.register(username, PASSWORD);
                                if (!expected(registration, 201, cutOff, unexpected)) {
                                    continue;
                                }
                                registered.add(username);
                                acknowledged.incrementAndGet();
                                HttpResponse<String> login = frontDoor.login(username, PASSWORD);
                                if (!expected(login, 200, cutOff, unexpected)) {
                                    continue;
                                }
                                String token = HttpClientSupport.token(login);
                                if (n % 2 == 0) {
                                    live.add(token);
                                } else if (expected(frontDoor.logout(token), 200, cutOff, unexpected)) {
                                    loggedOut.add(token);
                                }
                            } catch (UncheckedIOException connectionBroken) {
                                cutOff.incrementAndGet();
                            }
                        }
                    },
                    load));
        }
        assertTrue(Poll.until(Duration.ofSeconds(60), () -> acknowledged.get() >= 20), "load is running");
        first.kill9();
        int atKill = acknowledged.get();
        assertTrue(
                Poll.until(Duration.ofSeconds(60), () -> acknowledged.get() >= atKill + 20),
                "registrations keep being acknowledged through nginx after the kill");
        stop.set(true);
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        load.shutdown();

        assertEquals(List.of(), List.copyOf(unexpected), "only a 502 or a broken connection may cut a request off");
        assertTrue(cutOff.get() >= 1, "at least one request was in flight when the instance died");
        for (String username : registered) {
            assertEquals(200, frontDoor.login(username, PASSWORD).statusCode(), username + " was acknowledged");
        }
        for (String token : live) {
            assertEquals(200, other.session(token).statusCode(), "an acknowledged session lives on the survivor");
        }
        for (String token : loggedOut) {
            assertEquals(401, other.session(token).statusCode(), "a logout that was acknowledged stays done");
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(
                    200, frontDoor.send(frontDoor.request("health/ready").GET()).statusCode());
        }
    }

    /** True for the expected status; a 502 counts as cut off; anything else is recorded as unexpected. */
    @Test
    @Order(0)
    void ofTwoInstancesStartingTogetherExactlyOneCreatesTheFirstAdministrator() {
        int first = one.login("first-root", ADMIN_PASSWORD).statusCode();
        int second = other.login("second-root", ADMIN_PASSWORD).statusCode();
        assertEquals(1, (first == 200 ? 1 : 0) + (second == 200 ? 1 : 0), first + " and " + second);
    }

    /** Whatever an administrator does on one instance holds on the other at once. */
    @Test
    @Order(4)
    void anAdministratorsChangesOnOneInstanceTakeEffectOnTheOtherAtOnce() {
        String admin = administratorToken();
        String username = uniqueUsername("administered");
        String token = other.newSession(username, PASSWORD);
        String path = "admin/users/" + username;

        assertEquals(
                200, as(one, admin, "PUT", path + "/groups", "[\"finance\"]").statusCode());
        assertEquals(
                "finance",
                other.session(token).headers().firstValue("X-Auth-Groups").orElse(null));
        assertEquals(
                200,
                other.send(other.request("session?group=finance")
                                .header("Authorization", "Bearer " + token)
                                .GET())
                        .statusCode());

        assertEquals(200, as(one, admin, "POST", path + "/disable", null).statusCode());
        assertEquals(401, other.session(token).statusCode(), "disabled on one, refused on the other");
        assertEquals(401, other.login(username, PASSWORD).statusCode());
        assertEquals(200, as(one, admin, "POST", path + "/enable", null).statusCode());

        String again = loginOn(other, username);
        assertEquals(200, as(one, admin, "POST", path + "/logout", null).statusCode());
        assertEquals(401, other.session(again).statusCode(), "ended on one, refused on the other");

        String enrolling = loginOn(other, username);
        String secret = HttpClientSupport.json(
                        other.postJson("mfa/totp", enrolling, "{\"password\":\"" + PASSWORD + "\"}"))
                .getString("secret");
        // The instances run on the real clock: the code of now, as an authenticator app shows it.
        String code = new TestAuthenticator(secret).codeAt(Instant.now());
        assertEquals(
                200,
                other.postJson("mfa/totp/confirm", enrolling, "{\"code\":\"" + code + "\"}")
                        .statusCode());
        assertEquals(401, other.login(username, PASSWORD).statusCode(), "needs its code now");
        assertEquals(
                200, as(one, admin, "POST", path + "/second-factor/reset", null).statusCode());
        assertEquals(401, other.session(enrolling).statusCode());
        assertEquals(
                200, other.login(username, PASSWORD).statusCode(), "reset on one: the password alone on the other");
    }

    /** The first administrator's token, its password (from the environment) changed first as it must be. */
    private static String administratorToken() {
        HttpResponse<String> first = one.login("first-root", ADMIN_PASSWORD);
        String token =
                HttpClientSupport.token(first.statusCode() == 200 ? first : one.login("second-root", ADMIN_PASSWORD));
        HttpResponse<String> changed = one.postJson(
                "password",
                token,
                "{\"current_password\":\"" + ADMIN_PASSWORD + "\",\"new_password\":\"" + ADMIN_PASSWORD + "\"}");
        assertEquals(200, changed.statusCode(), changed.body());
        return token;
    }

    private static HttpResponse<String> as(
            HttpClientSupport instance, String token, String method, String path, String json) {
        var request = instance.request(path).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return instance.send(request.method(
                method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * A browser's sign-in steps in any order across the instances: the CSRF token one issued is
     * taken by the other, and the second-factor step one began is finished on the other.
     */
    @Test
    @Order(5)
    void aBrowsersSignInStepsMayReachEitherInstance() {
        String username = uniqueUsername("portal-two");
        String token = one.newSession(username, PASSWORD);
        JsonObject enrolment =
                HttpClientSupport.json(one.postJson("mfa/totp", token, "{\"password\":\"" + PASSWORD + "\"}"));
        // The instances run on the real clock: the code of now, as an authenticator app shows it.
        String code = new TestAuthenticator(enrolment.getString("secret")).codeAt(Instant.now());
        HttpResponse<String> confirmed = other.postJson("mfa/totp/confirm", token, "{\"code\":\"" + code + "\"}");
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        String recoveryCode =
                HttpClientSupport.json(confirmed).getJsonArray("recovery_codes").getString(0);

        PortalBrowser onOne = new PortalBrowser(one, null);
        PortalBrowser onOther = onOne.via(other);
        String csrf = onOne.csrfToken();
        HttpResponse<String> password =
                onOther.post("portal/login", Map.of("csrf", csrf, "username", username, "password", PASSWORD));
        assertEquals(303, password.statusCode(), password.body());
        assertTrue(password.headers().firstValue("Location").orElseThrow().endsWith("/portal/login/second-factor"));
        assertEquals(200, onOne.get("portal/login/second-factor").statusCode(), "the other instance's pending step");
        HttpResponse<String> finished =
                onOne.post("portal/login/second-factor", Map.of("csrf", csrf, "code", recoveryCode));
        assertEquals(303, finished.statusCode(), finished.body());
        HttpResponse<String> check = other.send(other.request("session")
                .header("Cookie", "auth_session=" + onOne.cookie("auth_session"))
                .GET());
        assertEquals(username, check.headers().firstValue("X-Auth-User").orElse(null));
    }

    /**
     * Through the front door, which sends each request to the next instance in turn: each
     * ceremony's options come from one instance and its answer goes to the other.
     */
    @Test
    @Order(6)
    void aPasskeyCeremonyBegunOnOneInstanceFinishesOnTheOther() {
        String username = uniqueUsername("passkey-two");
        String token = frontDoor.newSession(username, PASSWORD);
        SoftwarePasskey passkey = new SoftwarePasskey(SoftwarePasskey.originOf(frontDoor.base()));
        HttpResponse<String> options =
                frontDoor.postJson("webauthn/register/options", token, "{\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, options.statusCode(), options.body());
        HttpResponse<String> registered = frontDoor.postJson(
                "webauthn/register",
                token,
                "{\"credential\":"
                        + passkey.register(HttpClientSupport.json(options).getJsonObject("publicKey")) + "}");
        assertEquals(201, registered.statusCode(), registered.body());

        String answer = null;
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> signInOptions = frontDoor.postJson("webauthn/login/options", "{}");
            answer = passkey.sign(HttpClientSupport.json(signInOptions).getJsonObject("publicKey"));
            HttpResponse<String> signedIn = frontDoor.postJson("webauthn/login", "{\"credential\":" + answer + "}");
            assertEquals(200, signedIn.statusCode(), signedIn.body());
        }
        assertEquals(
                401,
                frontDoor
                        .postJson("webauthn/login", "{\"credential\":" + answer + "}")
                        .statusCode(),
                "a challenge spent on one instance is spent on both");
    }

    private static boolean expected(
            HttpResponse<String> response, int status, AtomicInteger cutOff, Queue<String> unexpected) {
        if (response.statusCode() == status) {
            return true;
        }
        if (response.statusCode() == 502) {
            cutOff.incrementAndGet();
        } else {
            unexpected.add(response.request().uri().getPath() + " " + response.statusCode() + " " + response.body());
        }
        return false;
    }

    private static int sessionRowsOf(String username) {
        return TableRows.count(
                db.get("auth.db.url"),
                db.get("auth.db.user"),
                db.get("auth.db.password"),
                "SELECT COUNT(*) FROM AUTH_SESSION WHERE USERNAME = ?",
                username);
    }

    private static String sha256Hex(String text) throws NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * OpenID Connect across the instances: the person signs in and approves on one, the client
     * redeems the code on the other and refreshes on either; the reuse of a rotated refresh token
     * is caught on the instance that did not rotate it; and a key rotated on one signs there and
     * verifies on the other, which publishes it too.
     */
    @Test
    @Order(5)
    void anAuthorizationOnOneIsRedeemedOnTheOtherAndARotationIsSeenByBoth() throws Exception {
        String admin = administratorToken();
        RelyingParty onOne = RelyingParty.register(one, admin, "client_secret_basic", List.of());
        RelyingParty onOther = onOne.on(other);
        String username = uniqueUsername("oidc-two");
        one.newSession(username, PASSWORD);

        PortalBrowser browser = new PortalBrowser(one, null);
        String code = RelyingParty.query(
                        RelyingParty.callback(browser, onOne.authorizePath(Map.of()), username, PASSWORD))
                .get("code");
        HttpResponse<String> tokens = onOther.redeem(code);
        assertEquals(200, tokens.statusCode(), tokens.body());
        JsonObject first = HttpClientSupport.json(tokens);
        assertEquals(
                "http://127.0.0.1:" + frontDoorPort,
                onOne.verified(first.getString("id_token")).getIssuer());
        assertEquals(200, onOne.userInfo(first.getString("access_token")).statusCode());

        HttpResponse<String> refreshed = onOne.refresh(first.getString("refresh_token"));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        HttpResponse<String> reused = onOther.refresh(first.getString("refresh_token"));
        assertEquals(400, reused.statusCode(), "a rotated token reused on the other instance");
        assertEquals(
                400,
                onOne.refresh(HttpClientSupport.json(refreshed).getString("refresh_token"))
                        .statusCode(),
                "and its family ended");

        HttpResponse<String> rotated = as(one, admin, "POST", "admin/signing-keys/rotate", null);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newKid = HttpClientSupport.json(rotated).getString("signing");
        String again = RelyingParty.query(
                        RelyingParty.callback(browser, onOne.authorizePath(Map.of()), username, PASSWORD))
                .get("code");
        JsonObject signedByTheNewKey = HttpClientSupport.json(onOne.redeem(again));
        assertEquals(
                newKid,
                com.nimbusds.jwt.SignedJWT.parse(signedByTheNewKey.getString("id_token"))
                        .getHeader()
                        .getKeyID());
        assertEquals(
                200,
                onOther.userInfo(signedByTheNewKey.getString("access_token")).statusCode(),
                "the other instance reads the new key when a token names it");
        assertTrue(other.send(other.request("oauth2/jwks").GET()).body().contains(newKid));
    }

    private static String loginOn(HttpClientSupport instance, String username) {
        return HttpClientSupport.token(instance.login(username, PASSWORD));
    }

    /**
     * Both instances send from one outbox (the database's): every message goes out once, whichever
     * instance's sender claims it first. Forty accounts are registered with an address, half on
     * each instance; each address gets its one confirmation link, and nothing more.
     */
    @Test
    // Before one instance is killed (6).
    @Order(5)
    void bothInstancesSendFromOneOutboxAndNoMessageTwice() {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String username = uniqueUsername("outbox");
            String address = username + "@example.test";
            HttpClientSupport instance = i % 2 == 0 ? one : other;
            HttpResponse<String> registered = instance.postJson(
                    "register",
                    "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"email\":\"" + address
                            + "\"}");
            assertEquals(201, registered.statusCode(), registered.body());
            addresses.add(address);
        }
        for (String address : addresses) {
            TestMailServer.awaitMessages(address, 1);
        }
        // Markers queued after the forty, on each instance: once they are in, so is any second copy.
        for (HttpClientSupport instance : List.of(one, other)) {
            String marker = uniqueUsername("marker") + "@example.test";
            assertEquals(
                    201,
                    instance.postJson(
                                    "register",
                                    "{\"username\":\"" + marker.substring(0, marker.indexOf('@'))
                                            + "\",\"password\":\"" + PASSWORD + "\",\"email\":\"" + marker
                                            + "\"}")
                            .statusCode());
            TestMailServer.awaitMessages(marker, 1);
        }
        for (String address : addresses) {
            assertEquals(1, TestMailServer.messagesTo(address).size(), address);
        }
    }

    private static ServiceProcess instance(String name, Map<String, String> db, String mfaKey) {
        ServiceProcess instance = new ServiceProcess(ServiceProcess.workDir(name));
        // Mail to the test's SMTP server, from both instances.
        TestMailServer.config()
                .forEach((key, value) ->
                        instance.withEnv(key.toUpperCase().replace('.', '_').replace('-', '_'), value));
        return instance.withEnv("AUTH_DB_URL", db.get("auth.db.url"))
                .withEnv("AUTH_DB_USER", db.get("auth.db.user"))
                .withEnv("AUTH_DB_PASSWORD", db.get("auth.db.password"))
                .withEnv("AUTH_MFA_KEY", mfaKey)
                .withEnv("AUTH_PASSWORD_HASH_ITERATIONS", "1024")
                .withEnv("AUTH_SESSION_PURGE_INTERVAL", "PT1S")
                .withEnv("AUTH_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD)
                // Both behind one front door, as docs/postgres.md says: one public URL, which is
                // also the OpenID provider's issuer on both. Registration stays open for the tests.
                .withEnv("AUTH_PORTAL_URL", "http://127.0.0.1:" + frontDoorPort)
                .withEnv("AUTH_REGISTRATION_ENABLED", "true")
                // AdminIT holds the default (a second factor) to account; here the instances run on
                // the real clock, where a TOTP code would be the wall clock's.
                .withEnv("AUTH_ADMIN_REQUIRE_SECOND_FACTOR", "false");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpClientSupport startNginx(int port, int firstPort, int secondPort) throws IOException {
        Path dir = ServiceProcess.workDir("two-nginx").toAbsolutePath();
        Files.createDirectories(dir);
        Path config = dir.resolve("nginx.conf");
        Files.writeString(config, NginxConfig.opening(dir, 256) + """
                    access_log off;
                    upstream auth_service {
                        server 127.0.0.1:%3$d;
                        server 127.0.0.1:%4$d;
                    }
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            proxy_pass http://auth_service;
                            # One origin for both instances, as a browser or passkey sees it.
                            proxy_set_header Host $http_host;
                            proxy_next_upstream error timeout;
                            proxy_connect_timeout 2s;
                        }
                    }
                }
                """.formatted(dir, port, firstPort, secondPort));
        nginx = FrontEndProcesses.nginx(dir, config, "nginx.out");
        HttpClientSupport client = new HttpClientSupport(URI.create("http://127.0.0.1:" + port + "/"));
        assertTrue(
                Poll.until(Duration.ofSeconds(15), () -> {
                    try {
                        return client.send(client.request("health/live").GET()).statusCode() == 200;
                    } catch (RuntimeException notYet) {
                        return false;
                    }
                }),
                "nginx answers");
        return client;
    }
}
