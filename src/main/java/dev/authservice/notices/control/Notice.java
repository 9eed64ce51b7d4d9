package dev.authservice.notices.control;

/** Each kind of notice: its subject, and the sentence that says what happened. */
public enum Notice {
    NEW_DEVICE("New sign-in to your account", "Your account was signed in to from a device it has not used before."),
    LOCKED(
            "Your account is locked for a while",
            "Too many wrong passwords or codes were tried for your account, so sign-in is paused for a while."
                    + " It opens again by itself; a password reset opens it at once."),
    PASSWORD_CHANGED("Your password was changed", "The password of your account was changed."),
    SECOND_FACTOR_OFF(
            "Two-factor authentication was turned off",
            "Two-factor authentication was turned off for your account: a password alone signs in now."),
    PASSKEY_ADDED("A passkey was added to your account", "A new passkey was added to your account."),
    ADDRESS_CHANGED(
            "The email address of your account was changed",
            "The email address of your account was changed. Messages go to the new address from now on;"
                    + " this is the last one to this address.");

    private final String subject;
    private final String what;

    Notice(String subject, String what) {
        this.subject = subject;
        this.what = what;
    }

    public String subject() {
        return subject;
    }

    public String what() {
        return what;
    }
}
