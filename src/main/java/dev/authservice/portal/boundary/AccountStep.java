package dev.authservice.portal.boundary;

import java.util.Arrays;
import java.util.Optional;

/**
 * The account page's actions that ask who is there first. Each button on the page opens the
 * action's step page, which asks for the password (and a code, with a second factor on) once, for
 * that action alone, and says what is about to happen; deleting the account is confirmed there.
 */
enum AccountStep {
    SIGN_OUT_SESSION("sign-out-session", "Sign out a session", "Sign out", "sessions/sign-out", true),
    SIGN_OUT_OTHERS(
            "sign-out-others",
            "Sign out everywhere else",
            "Sign out everywhere else",
            "sessions/sign-out-others",
            false),
    TURN_ON_TOTP("totp-on", "Turn on two-factor authentication", "Continue", "totp", false),
    TURN_OFF_TOTP("totp-off", "Turn off two-factor authentication", "Turn off", "totp/disable", false),
    ADD_PASSKEY("passkey-add", "Add a passkey", "Continue", "passkeys/new", false),
    REMOVE_PASSKEY("passkey-remove", "Remove a passkey", "Remove", "passkeys/remove", true),
    /** Its id is the new address (none: removed), typed on the account page. */
    CHANGE_EMAIL("email", "Change your email address", "Save the address", "email", true),
    DELETE_ACCOUNT("delete", "Delete your account", "Delete my account", "delete", false);

    /** The step's name in ?step=, and in the form it posts. */
    final String key;

    final String title;
    final String button;

    /** Where the step's form posts, under /portal/account. */
    final String path;

    /** Whether the step acts on one session or passkey (or sets an address), named by ?id=. */
    final boolean needsId;

    AccountStep(String key, String title, String button, String path, boolean needsId) {
        this.key = key;
        this.title = title;
        this.button = button;
        this.path = path;
        this.needsId = needsId;
    }

    static Optional<AccountStep> of(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** Turning the second factor on asks for the password alone: there is no code yet. */
    boolean asksForCode(boolean secondFactor) {
        return secondFactor && this != TURN_ON_TOTP;
    }
}
