package dev.authservice.auth.control;

import java.text.Normalizer;

/**
 * A password as typed, in Unicode NFC, so that one typed as NFD hashes and matches like its NFC
 * form. Text with an unpaired surrogate is no password: it has no UTF-8 form, and PBKDF2 would
 * hash every such character as '?', so that "????????" would match it.
 */
public final class Password {

    private final String value;

    private Password(String value) {
        this.value = value;
    }

    /** The password, or a {@link Refusal} (invalid request) when the text is not well-formed Unicode. */
    public static Password of(String typed) {
        if (!Text.isWellFormedUnicode(typed)) {
            throw Refusal.invalidRequest("The password contains an unpaired surrogate; it is not valid Unicode text.");
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
