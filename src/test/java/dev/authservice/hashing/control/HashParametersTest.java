package dev.authservice.hashing.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Which stored hashes the next login replaces. */
class HashParametersTest {

    private static final HashParameters SHIPPED = new HashParameters("PBKDF2WithHmacSHA256", 600_000, 32, 32);

    private static String stored(String algorithm, int iterations, int saltBytes, int keyBytes) {
        Base64.Encoder base64 = Base64.getEncoder();
        return algorithm + ":" + iterations + ":" + base64.encodeToString(new byte[saltBytes]) + ":"
                + base64.encodeToString(new byte[keyBytes]);
    }

    @Test
    void aHashMadeWithTheseParametersStays() {
        assertFalse(SHIPPED.differFrom(stored("PBKDF2WithHmacSHA256", 600_000, 32, 32)));
    }

    @Test
    void anyOtherParameterMeansRehash() {
        assertTrue(SHIPPED.differFrom(stored("PBKDF2WithHmacSHA512", 600_000, 32, 32)));
        assertTrue(SHIPPED.differFrom(stored("PBKDF2WithHmacSHA256", 1_024, 32, 32)));
        assertTrue(SHIPPED.differFrom(stored("PBKDF2WithHmacSHA256", 600_000, 16, 32)));
        assertTrue(SHIPPED.differFrom(stored("PBKDF2WithHmacSHA256", 600_000, 32, 16)));
    }

    @Test
    void anUnreadableHashMeansRehash() {
        assertTrue(SHIPPED.differFrom("not a hash"));
        assertTrue(SHIPPED.differFrom("PBKDF2WithHmacSHA256:many:AAAA:AAAA"));
        assertTrue(SHIPPED.differFrom("PBKDF2WithHmacSHA256:600000:%%%:AAAA"));
    }
}
