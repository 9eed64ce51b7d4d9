package dev.authservice.audit.control;

import dev.authservice.audit.entity.Client;

/**
 * Something that happened to an account or session, fired as a CDI event where it is decided and
 * recorded by {@link SecurityEvents} once the transaction has ended the way the event implies.
 * Never carries a password or token.
 */
public record SecurityEvent(Kind kind, String username, Client client, int sessions) {

    /** Each kind is one log event name and one counter. */
    public enum Kind {
        REGISTERED("register", false),
        LOGIN_SUCCEEDED("login.success", false),
        LOGIN_FAILED("login.failure", true),
        LOGIN_THROTTLED("login.throttled", true),
        LOGGED_OUT("logout", false),
        PASSWORD_CHANGED("password.change", false),
        PASSWORD_CHANGE_FAILED("password.change.failure", true),
        REAUTHENTICATION_FAILED("reauthentication.failure", true),
        OTP_FAILED("otp.failure", true),
        MFA_ENROLLED("mfa.enrolled", false),
        MFA_CONFIRMED("mfa.confirmed", false),
        MFA_DISABLED("mfa.disabled", false),
        SESSION_REVOKED("session.revoked", false),
        ACCOUNT_DELETED("account.deleted", false);

        private final String logName;
        private final boolean refusal;

        Kind(String logName, boolean refusal) {
            this.logName = logName;
            this.refusal = refusal;
        }

        public String logName() {
            return logName;
        }

        /** A refusal rolls its transaction back; the others are recorded only if theirs commits. */
        public boolean refusal() {
            return refusal;
        }
    }

    public static SecurityEvent of(Kind kind, String username, Client client) {
        return new SecurityEvent(kind, username, client, 1);
    }

    public static SecurityEvent loggedOut(String username, Client client, int sessions) {
        return new SecurityEvent(Kind.LOGGED_OUT, username, client, sessions);
    }
}
