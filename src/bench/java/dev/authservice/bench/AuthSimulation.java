package dev.authservice.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The benchmark: phases one after another against a running service, each request named after
 * its phase in the report. Token checks alone, then /health/live for comparison, logins with the
 * right password, a flood of wrong passwords, token checks during that flood, registrations.
 *
 *   mvn -Pbench gatling:test -Dbase.url=http://localhost:5000 [-Dphase.seconds=30] [-Donly=checks]
 */
public class AuthSimulation extends Simulation {

    private static final String BASE = System.getProperty("base.url", "http://localhost:5000");
    private static final Duration PHASE = Duration.ofSeconds(Long.getLong("phase.seconds", 30));
    private static final int CHECKERS = Integer.getInteger("checkers", 16);
    private static final int LOGIN_USERS = Integer.getInteger("login.users", 8);
    /** `-Donly=checks`: only token checks (for the session-table size comparison). */
    private static final String ONLY = System.getProperty("only", "");

    private static final int FLOODERS = Integer.getInteger("flooders", 32);
    private static final String PASSWORD = "benchmark passphrase";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    /** Accounts and tokens made before the load starts, so the phases measure only what they name. */
    private static final List<String> USERS = new ArrayList<>();

    private static final List<String> TOKENS = new ArrayList<>();

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .shareConnections();

    private static final AtomicInteger NEXT = new AtomicInteger();

    private static Iterator<Map<String, Object>> tokens() {
        return Stream.generate(
                        () -> Map.<String, Object>of("token", TOKENS.get(NEXT.getAndIncrement() % TOKENS.size())))
                .iterator();
    }

    private static Iterator<Map<String, Object>> users() {
        return Stream.generate(() -> Map.<String, Object>of("user", USERS.get(NEXT.getAndIncrement() % USERS.size())))
                .iterator();
    }

    private static Iterator<Map<String, Object>> freshNames() {
        return Stream.generate(() -> Map.<String, Object>of(
                        "name", "b" + RUN + "-" + UUID.randomUUID().toString().substring(0, 13)))
                .iterator();
    }

    private static ScenarioBuilder tokenChecks(String phase) {
        return scenario("token checks " + phase)
                .feed(tokens())
                .during(PHASE)
                .on(exec(http("GET /session (" + phase + ")")
                        .get("/session")
                        .header("Authorization", "Bearer #{token}")
                        .check(status().is(200))));
    }

    private final ScenarioBuilder health = scenario("health")
            .during(PHASE)
            .on(exec(http("GET /health/live").get("/health/live").check(status().is(200))));

    private final ScenarioBuilder logins = scenario("logins")
            .feed(users())
            .during(PHASE)
            .on(exec(http("POST /login (right password)")
                    .post("/login")
                    .body(StringBody("{\"username\":\"#{user}\",\"password\":\"" + PASSWORD + "\"}"))
                    .check(status().is(200), jsonPath("$.token").exists())));

    private static ScenarioBuilder flood(String phase) {
        return scenario("flood " + phase)
                .during(PHASE)
                .on(exec(feedFresh())
                        .exec(http("POST /login (wrong password, " + phase + ")")
                                .post("/login")
                                .body(StringBody("{\"username\":\"#{name}\",\"password\":\"not the password\"}"))
                                .check(status().in(401, 503))));
    }

    private static io.gatling.javaapi.core.ChainBuilder feedFresh() {
        return io.gatling.javaapi.core.CoreDsl.feed(freshNames());
    }

    private final ScenarioBuilder registrations = scenario("registrations")
            .during(PHASE)
            .on(exec(feedFresh())
                    .exec(http("POST /register")
                            .post("/register")
                            .body(StringBody("{\"username\":\"#{name}\",\"password\":\"" + PASSWORD + "\"}"))
                            .check(status().in(201, 503))));

    @Override
    public void before() {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 64; i++) {
            String user = "bench-" + RUN + "-" + i;
            post(client, "register", user);
            USERS.add(user);
            TOKENS.add(post(client, "login", user).replaceAll(".*\"token\":\"([^\"]+)\".*", "$1"));
        }
    }

    private static String post(HttpClient client, String path, String user) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(BASE + "/" + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException("the service at " + BASE + " did not answer; start it first", e);
        }
    }

    {
        if (ONLY.equals("checks")) {
            setUp(tokenChecks("warm-up")
                            .injectOpen(atOnceUsers(CHECKERS))
                            .andThen(tokenChecks("alone").injectOpen(atOnceUsers(CHECKERS))))
                    .protocols(protocol)
                    .maxDuration(PHASE.multipliedBy(3));
        } else {
            setUpAll();
        }
    }

    private void setUpAll() {
        setUp(
                        // Warm-up, so the JIT has compiled the hot paths before anything is measured.
                        tokenChecks("warm-up")
                                .injectOpen(atOnceUsers(CHECKERS))
                                .andThen(tokenChecks("alone").injectOpen(atOnceUsers(CHECKERS)))
                                .andThen(health.injectOpen(atOnceUsers(CHECKERS)))
                                .andThen(logins.injectOpen(atOnceUsers(LOGIN_USERS)))
                                .andThen(flood("alone").injectOpen(atOnceUsers(FLOODERS)))
                                .andThen(
                                        flood("mixed").injectOpen(atOnceUsers(FLOODERS)),
                                        tokenChecks("during login flood").injectOpen(atOnceUsers(CHECKERS)))
                                .andThen(registrations.injectOpen(atOnceUsers(LOGIN_USERS))))
                .protocols(protocol)
                .maxDuration(PHASE.multipliedBy(9));
    }
}
