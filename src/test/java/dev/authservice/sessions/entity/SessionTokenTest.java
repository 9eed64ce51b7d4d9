package dev.authservice.sessions.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTokenTest {

    @Test
    void aGeneratedTokenIs32RandomBytesInBase64UrlWithoutPadding() {
        String value = SessionToken.generate().value();
        assertEquals(43, value.length());
        assertTrue(value.matches("[A-Za-z0-9_-]+"), value);
        assertEquals(32, Base64.getUrlDecoder().decode(value).length);
    }

    @Test
    void generatedTokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(SessionToken.generate().value()));
        }
    }

    @Test
    void theStoredHashIsTheHexSha256OfTheToken() {
        SessionToken token = SessionToken.parse("A".repeat(43)).orElseThrow();
        assertEquals(64, token.hash().length());
        assertEquals(sha256Hex("A".repeat(43)), token.hash());
        assertNotEquals(token.value(), token.hash());
    }

    @Test
    void parseAcceptsOnlyTheIssuedShape() {
        String good = SessionToken.generate().value();
        assertTrue(SessionToken.parse(good).isPresent());
        assertFalse(SessionToken.parse(null).isPresent());
        assertFalse(SessionToken.parse("").isPresent());
        assertFalse(SessionToken.parse(good + "=").isPresent(), "no padding");
        assertFalse(SessionToken.parse(good.substring(1)).isPresent(), "too short");
        assertFalse(SessionToken.parse(good + "A").isPresent(), "too long");
        assertFalse(SessionToken.parse(good.substring(1) + "+").isPresent(), "base64url alphabet only");
        assertFalse(SessionToken.parse(good.substring(1) + "\n").isPresent());
    }

    @Test
    void toStringNeverShowsTheSecret() {
        SessionToken token = SessionToken.generate();
        assertFalse(token.toString().contains(token.value()));
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
