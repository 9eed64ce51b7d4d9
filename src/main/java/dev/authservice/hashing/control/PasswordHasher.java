package dev.authservice.hashing.control;

import dev.authservice.hashing.entity.Password;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/** Hashes and verifies passwords with Jakarta Security's PBKDF2 at the configured parameters. */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /**
     * Unused, and needed: WildFly enables Jakarta Security, and with it the Pbkdf2PasswordHash
     * above, only in a deployment that uses SecurityContext, an authentication mechanism or an
     * identity store. This is the smallest standard way to say the service uses it.
     */
    @Inject
    SecurityContext enablesJakartaSecurityOnWildFly;

    @Inject
    HashingSettings settings;

    @Inject
    HashingMetrics metrics;

    /**
     * A hash of a password nobody knows, at the current parameters: verifying an unknown user's
     * login against it costs what a real verification costs, so timing does not reveal which
     * usernames exist (the lesson of Django's CVE-2016-2513).
     */
    private String dummyHash;

    @PostConstruct
    void initialize() {
        pbkdf2.initialize(settings.parameters().asPbkdf2Options());
        byte[] unknowable = new byte[32];
        new SecureRandom().nextBytes(unknowable);
        dummyHash = hash(Password.of(HexFormat.of().formatHex(unknowable)));
    }

    public String hash(Password password) {
        char[] chars = password.value().toCharArray();
        long start = System.nanoTime();
        try {
            return pbkdf2.generate(chars);
        } finally {
            metrics.recordNanos(System.nanoTime() - start);
            Arrays.fill(chars, '\0');
        }
    }

    public boolean verify(Password password, String storedHash) {
        char[] chars = password.value().toCharArray();
        long start = System.nanoTime();
        try {
            return pbkdf2.verify(chars, storedHash);
        } finally {
            metrics.recordNanos(System.nanoTime() - start);
            Arrays.fill(chars, '\0');
        }
    }

    /** Whether the next successful login should replace this stored hash (see {@link HashParameters#differFrom}). */
    public boolean needsRehash(String storedHash) {
        return settings.parameters().differFrom(storedHash);
    }

    /** Spends the time of one verification, for a name with no account. */
    public void verifyAgainstDummy(Password password) {
        verify(password, dummyHash);
    }
}
