package dev.authservice.hashing.control;

import java.util.Base64;
import java.util.Map;

/** The PBKDF2 parameters new hashes are made with. */
public record HashParameters(String algorithm, int iterations, int saltBytes, int keyBytes) {

    /** As Jakarta Security's Pbkdf2PasswordHash.initialize takes them. */
    Map<String, String> asPbkdf2Options() {
        return Map.of(
                "Pbkdf2PasswordHash.Algorithm", algorithm,
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", Integer.toString(saltBytes),
                "Pbkdf2PasswordHash.KeySizeBytes", Integer.toString(keyBytes));
    }

    /**
     * Whether a stored hash was made with other parameters than these (another algorithm, fewer or
     * more iterations, another salt or key length), which means the next login should replace it. Reads
     * Soteria's format ALGORITHM:ITERATIONS:BASE64(SALT):BASE64(KEY); anything else is outdated.
     */
    public boolean differFrom(String storedHash) {
        String[] parts = storedHash.split(":");
        if (parts.length != 4) {
            return true;
        }
        try {
            return !parts[0].equals(algorithm)
                    || Integer.parseInt(parts[1]) != iterations
                    || Base64.getDecoder().decode(parts[2]).length != saltBytes
                    || Base64.getDecoder().decode(parts[3]).length != keyBytes;
        } catch (IllegalArgumentException malformed) {
            return true;
        }
    }
}
