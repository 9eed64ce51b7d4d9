package dev.authservice.it.support;

import jakarta.json.Json;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an authenticator app does with the secret the service hands out, written here apart from
 * the service's own code: RFC 4648 base32, then RFC 6238 with HMAC-SHA1, 6 digits, 30 s steps.
 */
public final class TestAuthenticator {

    /** An account's confirmed TOTP: the authenticator holding its secret, and its recovery codes. */
    public record Enrolled(TestAuthenticator app, List<String> recoveryCodes) {}

    /**
     * Enrols TOTP for the token's user through the JSON API and confirms it with the code of the
     * deployment's clock now; the code is then spent, so the next login needs a later step's.
     */
    public static Enrolled enrol(HttpClientSupport http, String token, String password) {
        String secret = HttpClientSupport.json(http.postJson(
                        "mfa/totp",
                        token,
                        Json.createObjectBuilder()
                                .add("password", password)
                                .build()
                                .toString()))
                .getString("secret");
        TestAuthenticator app = new TestAuthenticator(secret);
        HttpResponse<String> confirmed = http.postJson(
                "mfa/totp/confirm",
                token,
                Json.createObjectBuilder()
                        .add("code", app.codeAt(http.clock()))
                        .build()
                        .toString());
        if (confirmed.statusCode() != 200) {
            throw new IllegalStateException(
                    "confirmation answered " + confirmed.statusCode() + ": " + confirmed.body());
        }
        List<String> codes =
                HttpClientSupport.json(confirmed).getJsonArray("recovery_codes").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList();
        return new Enrolled(app, codes);
    }

    private final byte[] key;

    public TestAuthenticator(String base32Secret) {
        this.key = base32(base32Secret);
    }

    public String codeAt(Instant instant) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8)
                    .putLong(instant.getEpochSecond() / 30)
                    .array());
            int o = h[19] & 0xf;
            int binary =
                    ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
        long buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
