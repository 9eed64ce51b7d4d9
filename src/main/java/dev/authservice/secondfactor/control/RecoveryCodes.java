package dev.authservice.secondfactor.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Recovery codes: ten per confirmed second factor, each 120 random bits written as six groups of
 * four base32 characters (ABCD-EFGH-...). Shown once, stored as SHA-256 only: with 120 bits of
 * entropy a fast hash is safe (OWASP ASVS 5.0, 6.6.2).
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    private static final int RANDOM_BYTES = 15;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {}

    public static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            byte[] bytes = new byte[RANDOM_BYTES];
            RANDOM.nextBytes(bytes);
            codes.add(String.join("-", Base32.encode(bytes).split("(?<=\\G.{4})")));
        }
        return codes;
    }

    /** Whether typed text could be a recovery code at all (rather than a TOTP code). */
    public static boolean looksLikeOne(String typed) {
        return normalized(typed).matches("[A-Z2-7]{24}");
    }

    /** The stored form: hex SHA-256 of the code without dashes or spaces, in upper case. */
    public static String hash(String typed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalized(typed).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static String normalized(String typed) {
        return typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
