package dev.authservice.hashing.entity;

import dev.authservice.refusal.Refusal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * A password as typed, in Unicode NFC, so that one typed as NFD hashes and matches like its NFC
 * form. Text with an unpaired surrogate is no password: it has no UTF-8 form, and PBKDF2 would
 * hash every such character as '?', so that "????????" would match it.
 *
 * <p>Typed text is bounded before it is normalised: NFC reorders runs of combining marks, and an
 * unbounded run would make one login cost far more than its hash. No password the policy accepts
 * is longer than {@link #MAX_CODE_POINTS}, and no decomposed form of one more than
 * four times that, so the bound refuses nothing that could ever match.
 */
public final class Password {

    /** The longest password any policy accepts, in code points; hashing work stays bounded by it. */
    public static final int MAX_CODE_POINTS = 1024;

    /** The longest typed text that can still be some valid password in another normal form. */
    public static final int MAX_TYPED_CODE_POINTS = 4 * Password.MAX_CODE_POINTS;

    private final String value;

    private Password(String value) {
        this.value = value;
    }

    /** The password, or a {@link Refusal} (invalid request) when the text is not well-formed Unicode. */
    public static Password of(String typed) {
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(typed)) {
            throw Refusal.invalidRequest("The password contains an unpaired surrogate; it is not valid Unicode text.");
        }
        if (typed.codePointCount(0, typed.length()) > MAX_TYPED_CODE_POINTS) {
            throw Refusal.weakPassword("The password must be at most " + MAX_CODE_POINTS + " characters long.");
        }
        return new Password(Normalizer.normalize(typed, Normalizer.Form.NFC));
    }

    /** The NFC form. Never log it. */
    public String value() {
        return value;
    }

    public int codePoints() {
        return value.codePointCount(0, value.length());
    }

    @Override
    public String toString() {
        return "Password[redacted]";
    }
}
