package dev.authservice.it.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.DeployedService;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /oauth2/jwks from the outside: the public halves of the signing keys, as RFC 7517 writes them. */
class JwksIT extends DeployedService {

    private JsonObject keySet() {
        HttpResponse<String> response = http.send(http.request("oauth2/jwks").GET());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** One key, or more after a rotation (CodeFlowIT rotates): each RS256, named, public only. */
    @Test
    void rsaSigningKeysWithTheirIdsAndNoPrivatePart() {
        JsonArray keys = keySet().getJsonArray("keys");
        assertTrue(keys.size() >= 1, keys.toString());
        for (JsonObject key : keys.getValuesAs(JsonObject.class)) {
            assertPublicRsaSigningKey(key);
        }
    }

    private static void assertPublicRsaSigningKey(JsonObject key) {
        assertEquals("RSA", key.getString("kty"));
        assertEquals("RS256", key.getString("alg"));
        assertEquals("sig", key.getString("use"));
        assertFalse(key.getString("kid").isBlank());
        assertTrue(key.containsKey("n") && key.containsKey("e"));
        for (String privateMember : List.of("d", "p", "q", "dp", "dq", "qi")) {
            assertFalse(key.containsKey(privateMember), privateMember + " is private");
        }
    }

    @Test
    void theSameKeysOnEveryRequest() {
        assertEquals(keySet(), keySet());
    }
}
