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
        REGISTERED("register"),
        LOGIN_SUCCEEDED("login.success"),
        LOGIN_FAILED("login.failure"),
        LOGIN_THROTTLED("login.throttled"),
        LOGGED_OUT("logout"),
        PASSWORD_CHANGED("password.change"),
        PASSWORD_CHANGE_FAILED("password.change.failure"),
        REAUTHENTICATION_FAILED("reauthentication.failure"),
        OTP_FAILED("otp.failure"),
        MFA_ENROLLED("mfa.enrolled"),
        MFA_CONFIRMED("mfa.confirmed"),
        MFA_DISABLED("mfa.disabled"),
        SESSION_REVOKED("session.revoked"),
        ACCOUNT_DELETED("account.deleted");

        private final String logName;

        Kind(String logName) {
            this.logName = logName;
        }

        public String logName() {
            return logName;
        }
    }

    public static SecurityEvent of(Kind kind, String username, Client client) {
        return new SecurityEvent(kind, username, client, 1);
    }

    public static SecurityEvent loggedOut(String username, Client client, int sessions) {
        return new SecurityEvent(Kind.LOGGED_OUT, username, client, sessions);
    }
}
