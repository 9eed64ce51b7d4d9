package dev.authservice.it.selfservice;

import static dev.authservice.it.support.HttpClientSupport.json;
import static dev.authservice.it.support.HttpClientSupport.token;
import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static dev.authservice.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.DeployedService;
import dev.authservice.it.support.HttpClientSupport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The user's own sessions: the list, ending one after re-authentication, deleting the account. */
class SessionListIT extends DeployedService {

    private static final String PASSWORD = "correct horse battery";
    private static final String REAUTH =
            Json.createObjectBuilder().add("password", PASSWORD).build().toString();

    private String loginWithAgent(String username, String agent) {
        return token(http.send(http.request("login")
                .header("Content-Type", "application/json")
                .header("User-Agent", agent)
                .POST(HttpRequest.BodyPublishers.ofString(HttpClientSupport.credentials(username, PASSWORD)))));
    }

    private List<JsonObject> sessions(String token) {
        HttpResponse<String> response = http.send(http.request("sessions")
                .header("Authorization", "Bearer " + token)
                .GET());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        return json(response).getJsonArray("sessions").stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    private static JsonObject other(List<JsonObject> sessions) {
        return sessions.stream()
                .filter(s -> !s.getBoolean("current"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theListShowsEveryLiveSessionOnceWithTheCallerMarkedCurrent() throws Exception {
        String username = uniqueUsername("list");
        http.register(username, PASSWORD);
        String laptop = loginWithAgent(username, "Laptop/1.0");
        String phone = loginWithAgent(username, "Phone/2.0");

        List<JsonObject> seen = sessions(laptop);
        assertEquals(2, seen.size(), seen.toString());
        JsonObject current =
                seen.stream().filter(s -> s.getBoolean("current")).findFirst().orElseThrow();
        assertEquals("Laptop/1.0", current.getString("user_agent"));
        assertEquals("Phone/2.0", other(seen).getString("user_agent"));
        for (JsonObject session : seen) {
            assertEquals("127.0.0.1", session.getString("client"));
            for (String field : new String[] {"created_at", "last_used_at", "expires_at", "idle_expires_at"}) {
                assertTrue(session.getString(field).endsWith("Z"), field);
            }
            String id = session.getString("id");
            assertFalse(
                    id.equals(laptop) || id.equals(phone) || id.equals(sha256(laptop)) || id.equals(sha256(phone)),
                    "the id is neither a token nor its hash");
        }
        assertEquals(1, seen.stream().filter(s -> s.getBoolean("current")).count());
        assertTrue(sessions(phone).stream()
                .anyMatch(s ->
                        s.getBoolean("current") && s.getString("user_agent").equals("Phone/2.0")));
    }

    @Test
    void endingAnotherSessionRefusesItsTokenAtOnce() {
        String username = uniqueUsername("revoke");
        http.register(username, PASSWORD);
        String mine = loginWithAgent(username, "Mine");
        String stolen = loginWithAgent(username, "Stolen");
        String id = other(sessions(mine)).getString("id");

        assertProblem(
                401,
                http.postJson(
                        "sessions/" + id + "/revoke",
                        mine,
                        Json.createObjectBuilder()
                                .add("password", "not the password")
                                .build()
                                .toString()));
        assertEquals(200, http.session(stolen).statusCode(), "a wrong password ends nothing");

        HttpResponse<String> revoked = http.postJson("sessions/" + id + "/revoke", mine, REAUTH);
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals(1, json(revoked).getInt("revoked"));
        assertProblem(401, http.session(stolen));
        assertEquals(1, sessions(mine).size());
        assertProblem(404, http.postJson("sessions/" + id + "/revoke", mine, REAUTH), "already ended");
    }

    @Test
    void anUnknownEndedOrForeignIdIs404Alike() {
        String alice = uniqueUsername("alice");
        String aliceToken = http.newSession(alice, PASSWORD);
        String bob = uniqueUsername("bob");
        String bobToken = http.newSession(bob, PASSWORD);
        String bobsId = sessions(bobToken).get(0).getString("id");

        HttpResponse<String> foreign = http.postJson("sessions/" + bobsId + "/revoke", aliceToken, REAUTH);
        HttpResponse<String> unknown = http.postJson("sessions/AAAAAAAAAAAAAAAAAAAAAA/revoke", aliceToken, REAUTH);
        assertProblem(404, foreign);
        assertProblem(404, unknown);
        assertEquals(unknown.body(), foreign.body());
        assertEquals(200, http.session(bobToken).statusCode(), "bob's session lives on");
    }

    /** It once re-authenticated first, so that five unknown ids with the right password throttled the next login. */
    @Test
    void anUnknownIdIsRefusedBeforeThePasswordIsCheckedSoItCountsAsNoFailedLogin() {
        String alice = uniqueUsername("alice");
        String token = http.newSession(alice, PASSWORD);
        for (int i = 0; i < 6; i++) {
            assertProblem(404, http.postJson("sessions/AAAAAAAAAAAAAAAAAAAAAA/revoke", token, REAUTH));
        }
        assertEquals(200, http.login(alice, PASSWORD).statusCode(), "not throttled");
    }

    @Test
    void aLoginBeyondOneHundredSessionsEndsTheUsersOldest() {
        String username = uniqueUsername("many");
        String oldest = http.newSession(username, PASSWORD);
        http.advanceClock(Duration.ofSeconds(1));
        String newest = null;
        for (int i = 0; i < 100; i++) {
            newest = token(http.login(username, PASSWORD));
        }
        assertProblem(401, http.session(oldest), "the oldest ended");
        assertEquals(100, sessions(newest).size(), "auth.session.max-per-user");
    }

    @Test
    void aForwardedForHeaderFromAPeerThatIsNoTrustedProxyIsIgnored() {
        String username = uniqueUsername("xff");
        http.register(username, PASSWORD);
        String token = token(http.send(http.request("login")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.9")
                .header("Forwarded", "for=198.51.100.7")
                .POST(HttpRequest.BodyPublishers.ofString(HttpClientSupport.credentials(username, PASSWORD)))));
        String client = sessions(token).get(0).getString("client");
        assertFalse(client.equals("203.0.113.9") || client.equals("198.51.100.7"), client);
    }

    @Test
    void deletingTheAccountEndsEveryTokenAndFreesTheName() {
        String username = uniqueUsername("delete");
        http.register(username, PASSWORD);
        String first = loginWithAgent(username, "One");
        String second = loginWithAgent(username, "Two");

        assertProblem(
                401,
                http.postJson(
                        "account/delete",
                        first,
                        Json.createObjectBuilder()
                                .add("password", "not the password")
                                .build()
                                .toString()));
        HttpResponse<String> deleted = http.postJson("account/delete", first, REAUTH);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertProblem(401, http.session(first));
        assertProblem(401, http.session(second));
        assertProblem(401, http.login(username, PASSWORD));
        assertEquals(201, http.register(username, PASSWORD).statusCode(), "the name can be registered again");
    }

    @Test
    void theListNeedsALiveToken() {
        assertProblem(401, http.send(http.request("sessions").GET()));
        assertProblem(
                401,
                http.send(http.request("sessions")
                        .header("Authorization", "Bearer " + "y".repeat(43))
                        .GET()));
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
