package dev.authservice.hashing.control;

import dev.authservice.configuration.AuthConfig;
import dev.authservice.hashing.entity.Password;
import dev.authservice.sessions.entity.SessionToken;

import java.util.Arrays;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;


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
    AuthConfig config;

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
        pbkdf2.initialize(config.hashParameters().asPbkdf2Options());
        dummyHash = hash(Password.of(SessionToken.generate().value()));
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
        return config.hashParameters().differFrom(storedHash);
    }

    /** Spends the time of one verification, for a name with no account. */
    public void verifyAgainstDummy(Password password) {
        verify(password, dummyHash);
    }
}
