package dev.authservice.sessions.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bearer token: 32 bytes from SecureRandom, base64url without padding (43 characters). The
 * database only ever sees {@link #hash()}.
 */
public final class SessionToken {

    private static final int RANDOM_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final String value;

    private SessionToken(String value) {
        this.value = value;
    }

    public static SessionToken generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return new SessionToken(ENCODER.encodeToString(bytes));
    }

    /** The token, if the text has the shape of one this service issues. */
    public static Optional<SessionToken> parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new SessionToken(text));
    }

    /** What the client holds. Never log it. */
    public String value() {
        return value;
    }

    /** Lower-case hex SHA-256 of the token: what the database stores and looks up. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Redacted, so that a token that reaches a log line by accident is not a secret there. */
    @Override
    public String toString() {
        return "SessionToken[redacted]";
    }
}
