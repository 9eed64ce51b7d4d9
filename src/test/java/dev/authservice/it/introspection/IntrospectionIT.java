package dev.authservice.it.introspection;

import static dev.authservice.it.support.HttpClientSupport.json;
import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static dev.authservice.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.Administrator;
import dev.authservice.it.support.DeployedService;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Token introspection (RFC 7662), black-box, with the RFC's own client (s6BhdRkqt3, whose secret
 * is gX1fBat3bV) configured as docs/administration.md says: by the SHA-256 of its secret.
 */
class IntrospectionIT extends DeployedService {

    private static final String PASSWORD = "correct horse battery";
    private static final String RFC_CLIENT = "Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW";

    private HttpResponse<String> introspect(String authorization, String form) {
        HttpRequest.Builder request = http.request("introspect")
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** RFC 7662 §2.1's request, verbatim but for the host: an unknown token is inactive. */
    @Test
    void theRfcsExampleRequestGetsAnInactiveAnswerForItsUnknownToken() {
        HttpResponse<String> answer = introspect(RFC_CLIENT, "token=mF_9.B5f-4.1JqM&token_type_hint=access_token");
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("{\"active\":false}", answer.body());
    }

    /** RFC 7662 §2.2's example answer, with this service's members. */
    @Test
    void aLiveTokenIsActiveWithItsUserExpiryAndGroups() {
        String username = uniqueUsername("introspected");
        String token = http.newSession(username, PASSWORD);
        String adminToken = Administrator.token(http);
        http.send(http.request("admin/users/" + username + "/groups")
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("[\"finance\"]")));
        JsonObject active = json(introspect(RFC_CLIENT, "token=" + token + "&token_type_hint=access_token"));
        assertEquals(true, active.getBoolean("active"));
        assertEquals(username, active.getString("username"));
        assertEquals(username, active.getString("sub"));
        assertEquals("Bearer", active.getString("token_type"));
        assertEquals("finance", active.getJsonArray("groups").getString(0));
        JsonObject session = json(http.session(token));
        assertEquals(
                java.time.Instant.parse(session.getString("idle_expires_at")).getEpochSecond(),
                active.getJsonNumber("exp").longValue());
        assertEquals(
                java.time.Instant.parse(session.getString("created_at")).getEpochSecond(),
                active.getJsonNumber("iat").longValue());
    }

    @Test
    void aLiveTokenCarriesTheAccountsAddressOnceItHasOne() {
        String username = uniqueUsername("addressed");
        String token = http.newSession(username, PASSWORD);
        assertTrue(!json(introspect(RFC_CLIENT, "token=" + token)).containsKey("email"), "none yet");
        http.send(http.request("admin/users/" + username + "/email")
                .header("Authorization", "Bearer " + Administrator.token(http))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + username + "@Example.TEST\"}")));
        JsonObject active = json(introspect(RFC_CLIENT, "token=" + token));
        assertEquals(username + "@example.test", active.getString("email"), "the live session sees it at once");
        assertEquals(true, active.getBoolean("email_verified"));
        HttpResponse<String> check = http.session(token);
        assertEquals(username + "@example.test", json(check).getString("email"));
        assertEquals(
                username + "@example.test",
                check.headers().firstValue("X-Auth-Email").orElse(null),
                "front ends pass a confirmed address on");
    }

    @Test
    void revokedExpiredAndMalformedTokensAreExactlyInactive() {
        String revoked = http.newSession(uniqueUsername("revoked"), PASSWORD);
        http.logout(revoked);
        String expired = http.newSession(uniqueUsername("expired"), PASSWORD);
        assertEquals(true, json(introspect(RFC_CLIENT, "token=" + expired)).getBoolean("active"), "live at first");
        http.advanceClock(Duration.ofMinutes(31));
        for (String token : new String[] {revoked, expired, "x".repeat(43), "not a token", "%00"}) {
            assertEquals(
                    "{\"active\":false}",
                    introspect(RFC_CLIENT, "token=" + token).body(),
                    token);
        }
    }

    @Test
    void aTokenOfADisabledUserIsInactive() {
        String username = uniqueUsername("disabled");
        String token = http.newSession(username, PASSWORD);
        http.send(http.request("admin/users/" + username + "/disable")
                .header("Authorization", "Bearer " + Administrator.token(http))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(
                "{\"active\":false}", introspect(RFC_CLIENT, "token=" + token).body());
    }

    @Test
    void withoutAValidClientTheAnswerIs401AndTheTokenIsNotLookedAt() {
        String username = uniqueUsername("guarded");
        String token = http.newSession(username, PASSWORD);
        String createdAt = lastUsedAt(username);
        // Past the idle refresh: a check of the token now would move its last use.
        http.advanceClock(Duration.ofMinutes(2));
        String wrongSecret =
                "Basic " + Base64.getEncoder().encodeToString("s6BhdRkqt3:wrong".getBytes(StandardCharsets.UTF_8));
        String unknownClient =
                "Basic " + Base64.getEncoder().encodeToString("other:gX1fBat3bV".getBytes(StandardCharsets.UTF_8));
        for (String authorization : new String[] {null, wrongSecret, unknownClient, "Bearer " + token, "Basic !!!"}) {
            HttpResponse<String> refused = introspect(authorization, "token=" + token);
            assertProblem(401, refused, String.valueOf(authorization));
            assertTrue(
                    refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        }
        assertEquals(createdAt, lastUsedAt(username), "no refused client's request checked the token");
        assertEquals(true, json(introspect(RFC_CLIENT, "token=" + token)).getBoolean("active"));
        assertNotEquals(createdAt, lastUsedAt(username), "a client's introspection does check it");
    }

    /** The last use of the user's one session, as an administrator sees it without using the session. */
    private String lastUsedAt(String username) {
        HttpResponse<String> user = http.send(http.request("admin/users/" + username)
                .header("Authorization", "Bearer " + Administrator.token(http))
                .GET());
        return json(user).getJsonArray("sessions").getJsonObject(0).getString("last_used_at");
    }

    @Test
    void theTokenIsReadFromTheFormBodyAloneNeverFromTheUrl() {
        String token = http.newSession(uniqueUsername("in-url"), PASSWORD);
        HttpResponse<String> answer = http.send(http.request("introspect?token=" + token)
                .header("Authorization", RFC_CLIENT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertProblem(400, answer, "no token in the body");
    }

    @Test
    void aRequestWithoutTheFormsContentTypeIs415() {
        for (String type : new String[] {null, "text/plain", "application/json"}) {
            HttpRequest.Builder request = http.request("introspect").header("Authorization", RFC_CLIENT);
            if (type != null) {
                request.header("Content-Type", type);
            }
            assertProblem(
                    415,
                    http.send(request.POST(HttpRequest.BodyPublishers.ofString("token=abc"))),
                    String.valueOf(type));
        }
    }

    @Test
    void aRequestWithoutTokenIs400() {
        assertProblem(400, introspect(RFC_CLIENT, "token_type_hint=access_token"));
    }
}
