package dev.authservice.passkeys.control;

import dev.authservice.passkeys.entity.Passkey;
import dev.authservice.refusal.Refusal;

/** What a person may call a passkey: 1 to 64 characters, no control characters, spaces at the ends dropped. */
public final class PasskeyNames {

    /** The name of a passkey added without one. */
    public static final String DEFAULT = "Passkey";

    private PasskeyNames() {}

    /** The name to keep, or an invalid-request refusal saying what is wrong with it. */
    public static String valid(String typed) {
        String name = typed == null || typed.isBlank() ? DEFAULT : typed.strip();
        if (name.length() > Passkey.MAX_NAME_LENGTH) {
            throw Refusal.invalidRequest("A passkey's name is at most " + Passkey.MAX_NAME_LENGTH + " characters.");
        }
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw Refusal.invalidRequest("A passkey's name may not hold control characters.");
        }
        return name;
    }
}
