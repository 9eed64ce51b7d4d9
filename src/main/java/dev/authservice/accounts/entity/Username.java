package dev.authservice.accounts.entity;

import dev.authservice.refusal.Refusal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A username in its canonical form, per RFC 8265 §3.3 (PRECIS UsernameCaseMapped profile): width
 * mapping, lower-casing and NFC, then the IdentifierClass of RFC 8264 (letters, digits and
 * printable ASCII; no spaces, controls, format characters or compatibility forms). `Alice`,
 * `alice` and fullwidth `ａｌｉｃｅ` are one username. The contextual rules of RFC 8264
 * appendix A are not applied; the characters they govern are rejected instead.
 */
public final class Username {

    public static final int MAX_CODE_POINTS = 64;

    private final String value;

    private Username(String value) {
        this.value = value;
    }

    /** The canonical form of what a user typed, or an {@link Refusal} saying why there is none. */
    public static Username canonical(String typed) {
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(typed)) {
            throw Refusal.invalidRequest("The username contains an unpaired surrogate; it is not valid Unicode text.");
        }
        String mapped = Normalizer.normalize(widthMapped(typed).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        if (mapped.isEmpty()) {
            throw Refusal.invalidRequest("The username must not be empty.");
        }
        if (mapped.codePointCount(0, mapped.length()) > MAX_CODE_POINTS) {
            throw Refusal.invalidRequest("The username must be at most " + MAX_CODE_POINTS + " characters long.");
        }
        mapped.codePoints().forEach(Username::requireIdentifierClass);
        return new Username(mapped);
    }

    public String value() {
        return value;
    }

    /** RFC 8265 §3.3.1 step 2: fullwidth and halfwidth characters become their decompositions. */
    static String widthMapped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String single = new String(Character.toChars(cp));
            boolean widthVariant = Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                    || cp == 0x3000;
            out.append(widthVariant ? Normalizer.normalize(single, Normalizer.Form.NFKC) : single);
        });
        return out.toString();
    }

    private static void requireIdentifierClass(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            throw Refusal.invalidRequest("The username must not contain spaces.");
        }
        int type = Character.getType(cp);
        if (type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED) {
            throw Refusal.invalidRequest("The username must not contain control, formatting or unassigned characters.");
        }
        boolean ascii7 = cp >= 0x21 && cp <= 0x7E;
        boolean letterDigit = switch (type) {
            case Character.LOWERCASE_LETTER,
                    Character.UPPERCASE_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.MODIFIER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.COMBINING_SPACING_MARK -> true;
            default -> false;
        };
        String single = new String(Character.toChars(cp));
        boolean hasCompat = !Normalizer.normalize(single, Normalizer.Form.NFKC).equals(single);
        if (!(ascii7 || letterDigit) || hasCompat) {
            throw Refusal.invalidRequest("The username may only contain letters, digits and printable ASCII symbols.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
