package dev.authservice.it.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.DeployedService;
import jakarta.json.Json;
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

    /**
     * An RS256 key and an ES256 key, or more after a rotation (CodeFlowIT rotates): the RS256 key
     * first, as a relying party that takes the first key expects the default; each named, public only.
     */
    @Test
    void rsaAndEcSigningKeysWithTheirIdsAndNoPrivatePart() {
        List<JsonObject> keys = keySet().getJsonArray("keys").getValuesAs(JsonObject.class);
        assertTrue(keys.size() >= 2, keys.toString());
        assertEquals("RS256", keys.get(0).getString("alg"), "the default key comes first");
        assertTrue(keys.stream().anyMatch(key -> key.getString("alg").equals("ES256")), keys.toString());
        for (JsonObject key : keys) {
            assertEquals("sig", key.getString("use"));
            assertFalse(key.getString("kid").isBlank());
            if (key.getString("alg").equals("RS256")) {
                assertPublicKey(key, "RSA", List.of("n", "e"));
            } else {
                assertEquals("ES256", key.getString("alg"));
                assertEquals("P-256", key.getString("crv"));
                assertPublicKey(key, "EC", List.of("x", "y"));
            }
        }
    }

    private static void assertPublicKey(JsonObject key, String kty, List<String> publicMembers) {
        assertEquals(kty, key.getString("kty"));
        publicMembers.forEach(member -> assertTrue(key.containsKey(member), member));
        for (String privateMember : List.of("d", "p", "q", "dp", "dq", "qi")) {
            assertFalse(key.containsKey(privateMember), privateMember + " is private");
        }
    }

    @Test
    void theSameKeysOnEveryRequest() {
        assertEquals(keySet(), keySet());
    }
}
