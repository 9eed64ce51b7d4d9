package dev.authservice.accounts.control;

import dev.authservice.accounts.entity.Username;
import dev.authservice.hashing.entity.Password;
import dev.authservice.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be (NIST SP 800-63B §3.1.1.2, OWASP ASVS 5.0 V6): long enough in code
 * points, not absurdly long, free of control characters, not one of the 100,000 most common
 * passwords, not the username. No
 * composition rules, no truncation, case-sensitive.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MIN_CODE_POINTS = 8;
    public static final int MAX_CODE_POINTS = Password.MAX_CODE_POINTS;

    /** The rules in one sentence, shown beside every field that takes a new password. */
    public static final String SUMMARY =
            "At least " + MIN_CODE_POINTS + " characters; not your username, and not one of the most common passwords.";

    static final int COMMON_PASSWORDS = 100_000;

    /** The ranked list that ships inside nbvcxz (Maven Central: me.gosimple:nbvcxz), most common first. */
    private static final String COMMON_PASSWORD_LIST = "/dictionaries/passwords.txt";

    private final Set<String> common = loadCommonPasswords();

    /** Refuses with a weak-password {@link Refusal} that names the rule, never the password. */
    public void check(Username username, Password password) {
        int length = password.codePoints();
        if (length < MIN_CODE_POINTS) {
            throw Refusal.weakPassword("The password must be at least " + MIN_CODE_POINTS + " characters long.");
        }
        if (length > MAX_CODE_POINTS) {
            throw Refusal.weakPassword("The password must be at most " + MAX_CODE_POINTS + " characters long.");
        }
        // PBKDF2-HMAC pads a key shorter than its block with zeros, so "password\u0000" would
        // verify as "password": no C0 control character, NUL included, is part of a new password.
        if (password.value().chars().anyMatch(c -> c < 0x20)) {
            throw Refusal.weakPassword(
                    "The password must not contain control characters (such as NUL, tab or line breaks).");
        }
        String folded = password.value().toLowerCase(Locale.ROOT);
        if (folded.equals(username.value())) {
            throw Refusal.weakPassword("The password must not be the username.");
        }
        if (common.contains(folded)) {
            throw Refusal.weakPassword("The password is one of the 100,000 most common passwords; choose another.");
        }
    }

    /** How many passwords the list holds; the list is cut at {@link #COMMON_PASSWORDS}. */
    int commonPasswordCount() {
        return common.size();
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
                if (!line.isBlank() && StandardCharsets.UTF_8.newEncoder().canEncode(line)) {
                    passwords.add(Password.of(line.strip()).value().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
