package dev.authservice.introspection.control;

import dev.authservice.configuration.Ranges;
import dev.authservice.configuration.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clients that may introspect tokens (auth.introspection.clients): comma-separated
 * {@code id:sha256}, each the client's id and the SHA-256, in hex, of its secret. Only the hash is
 * configured: a secret is 32 random bytes or more, so no slower hash is needed (as for tokens).
 * A client proves itself with HTTP Basic (RFC 7662 §2.1, RFC 7617).
 */
@ApplicationScoped
public class IntrospectionClients implements Settings {

    private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9._-]{1,64}):([0-9a-fA-F]{64})");

    /** Compared against when the id is unknown, so that an unknown id costs what a known one does. */
    private static final byte[] NO_CLIENT = new byte[32];

    @Inject
    @ConfigProperty(name = "auth.introspection.clients")
    Optional<String> configured;

    private final Map<String, byte[]> secretHashes = new HashMap<>();

    @Override
    @PostConstruct
    public void check() {
        Ranges ranges = new Ranges();
        secretHashes.clear();
        for (String entry : configured.orElse("").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            var m = ENTRY.matcher(entry.strip());
            if (!m.matches()) {
                ranges.require(
                        false,
                        "auth.introspection.clients: each entry is id:sha256-hex-of-the-secret"
                                + " (an id of 1 to 64 of A-Z a-z 0-9 . _ -, then 64 hex digits)");
                break;
            }
            secretHashes.put(m.group(1), HexFormat.of().parseHex(m.group(2).toLowerCase(Locale.ROOT)));
        }
        ranges.enforce();
    }

    /** The client id an Authorization header proves, if it is a configured client's Basic credentials. */
    public Optional<String> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String id = decoded.substring(0, colon);
        byte[] presented = sha256(decoded.substring(colon + 1));
        byte[] expected = secretHashes.getOrDefault(id, NO_CLIENT);
        boolean equal = MessageDigest.isEqual(presented, expected);
        return equal && secretHashes.containsKey(id) ? Optional.of(id) : Optional.empty();
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
