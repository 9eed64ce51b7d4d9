package dev.authservice.auth.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a new password must be (NIST SP 800-63B §3.1.1.2, OWASP ASVS 5.0 V6): long enough in code
 * points, not absurdly long, not one of the 100,000 most common passwords, not the username. No
 * composition rules, no truncation, case-sensitive.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MIN_CODE_POINTS = 8;
    public static final int MAX_CODE_POINTS = 1024;
    static final int COMMON_PASSWORDS = 100_000;

    /** The ranked list that ships inside nbvcxz (Maven Central: me.gosimple:nbvcxz), most common first. */
    private static final String COMMON_PASSWORD_LIST = "/dictionaries/passwords.txt";

    private final Set<String> common = loadCommonPasswords();

    /** Passwords are compared in NFC, so one typed as NFD matches its NFC form. */
    public static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFC);
    }

    /** Refuses with a {@link WeakPasswordException} that names the rule, never the password. */
    public void check(Username username, String normalizedPassword) {
        int length = normalizedPassword.codePointCount(0, normalizedPassword.length());
        if (length < MIN_CODE_POINTS) {
            throw new WeakPasswordException("The password must be at least " + MIN_CODE_POINTS + " characters long.");
        }
        if (length > MAX_CODE_POINTS) {
            throw new WeakPasswordException("The password must be at most " + MAX_CODE_POINTS + " characters long.");
        }
        String folded = normalizedPassword.toLowerCase(Locale.ROOT);
        if (folded.equals(username.value())) {
            throw new WeakPasswordException("The password must not be the username.");
        }
        if (common.contains(folded)) {
            throw new WeakPasswordException("The password is one of the 100,000 most common passwords; choose another.");
        }
    }

    private static Set<String> loadCommonPasswords() {
        Set<String> passwords = new HashSet<>(2 * COMMON_PASSWORDS);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORD_LIST)) {
            if (in == null) {
                throw new IllegalStateException("nbvcxz's " + COMMON_PASSWORD_LIST + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while (passwords.size() < COMMON_PASSWORDS && (line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    passwords.add(normalize(line.strip()).toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
