package dev.authservice.audit.control;

import dev.authservice.audit.entity.Client;
import java.util.List;
import java.util.logging.Level;

/**
 * Something that happened to an account or session, fired as a CDI event where it is decided and
 * recorded by {@link SecurityEvents} once the transaction has ended the way the event implies.
 * Never carries a password or token.
 */
public record SecurityEvent(Kind kind, String username, Client client, int sessions, String target, String reason) {

    /** Each kind is one log event name and one counter. */
    public enum Kind {
        REGISTERED("register"),
        LOGIN_SUCCEEDED("login.success"),
        LOGIN_FAILED("login.failure"),
        LOGIN_THROTTLED("login.throttled"),
        LOGGED_OUT("logout"),
        PASSWORD_CHANGED("password.change"),
        PASSWORD_CHANGE_FAILED("password.change.failure"),
        /** A forgotten password was reset with a link sent by email (and the second factor, if any). */
        PASSWORD_RESET("password.reset"),
        /** "Forgot your password?" was asked for a name or address (logged whether or not it names an account). */
        PASSWORD_RESET_REQUESTED("password.reset.requested"),
        /** The account's email address was set, changed or removed ("target": who changed it, if not its owner). */
        EMAIL_CHANGED("email.changed"),
        /** The account's email address was verified by the link sent to it. */
        EMAIL_VERIFIED("email.verified"),
        REAUTHENTICATION_FAILED("reauthentication.failure"),
        OTP_FAILED("otp.failure"),
        MFA_ENROLLED("mfa.enrolled"),
        MFA_CONFIRMED("mfa.confirmed"),
        MFA_DISABLED("mfa.disabled"),
        SESSION_REVOKED("session.revoked"),
        ACCOUNT_DELETED("account.deleted"),
        /** Every session of the user but the one asking ended, after re-authentication. */
        OTHER_SESSIONS_REVOKED("sessions.revoked.others"),
        PASSKEY_REGISTERED("passkey.registered"),
        PASSKEY_RENAMED("passkey.renamed"),
        PASSKEY_REMOVED("passkey.removed"),
        /** A sign-in with a passkey, as second factor ("mfa") or alone. */
        PASSKEY_SIGN_IN("login.success.passkey"),
        /** An assertion whose verification failed (signature, origin, rp id, flags). */
        PASSKEY_FAILED("passkey.failure"),
        /** An assertion whose signature counter did not move forward: the passkey may have been cloned. */
        PASSKEY_COUNTER_REFUSED("passkey.counter.refused"),
        /** An assertion with a passkey of another account ("target"), or with another account's user handle. */
        PASSKEY_NOT_OWNED("passkey.not-owned"),
        /** A sign-in's or sign-out's rd that is no allowed redirect target; the browser went to the default. */
        REDIRECT_REFUSED("portal.redirect.refused"),
        /** A signed-in user in none of the groups a location requires ("target": the groups asked for). */
        ACCESS_FORBIDDEN("access.forbidden"),
        /**
         * An administrator's account got its first second factor. A WARNING: whoever knew the
         * password (the first administrator's came from the environment) could have added their own.
         */
        ADMIN_SECOND_FACTOR_ADDED("admin.second-factor.added", Level.WARNING),
        // Administration: "user" is the administrator; "target" the account acted on.
        ADMIN_USERS_LISTED("admin.users.list"),
        ADMIN_USER_VIEWED("admin.user.view"),
        ADMIN_USER_CREATED("admin.user.create"),
        ADMIN_USER_DISABLED("admin.user.disable"),
        ADMIN_USER_ENABLED("admin.user.enable"),
        ADMIN_SESSIONS_ENDED("admin.user.logout"),
        ADMIN_SECOND_FACTOR_RESET("admin.user.second-factor.reset"),
        ADMIN_PASSWORD_SET("admin.user.password"),
        ADMIN_GROUPS_SET("admin.user.groups"),
        ADMIN_USER_DELETED("admin.user.delete"),
        ADMIN_CLIENT_REGISTERED("admin.client.register"),
        ADMIN_CLIENT_UPDATED("admin.client.update"),
        ADMIN_CLIENT_DELETED("admin.client.delete"),
        ADMIN_CLIENTS_LISTED("admin.client.list"),
        ADMIN_SIGNING_KEY_ROTATED("admin.signing-key.rotate", Level.WARNING),
        /** An admin call by a session that may not make it (not an administrator, or no second factor). */
        ADMIN_REFUSED("admin.refused"),
        ADMIN_BOOTSTRAPPED("admin.bootstrap");

        private final String logName;
        private final Level level;

        Kind(String logName) {
            this(logName, Level.INFO);
        }

        Kind(String logName, Level level) {
            this.logName = logName;
            this.level = level;
        }

        public String logName() {
            return logName;
        }

        /** The security log's level for this kind: INFO, or WARNING for what an operator should look at. */
        public Level level() {
            return level;
        }
    }

    public SecurityEvent(Kind kind, String username, Client client, int sessions) {
        this(kind, username, client, sessions, null, null);
    }

    public SecurityEvent(Kind kind, String username, Client client, int sessions, String target) {
        this(kind, username, client, sessions, target, null);
    }

    /** With why it happened, for the log alone (never an answer): a refused login's {@code disabled}. */
    public SecurityEvent because(String why) {
        return new SecurityEvent(kind, username, client, sessions, target, why);
    }

    /** A signed-in user refused by a location that requires one of {@code groups}. */
    public static SecurityEvent accessForbidden(String username, List<String> groups, Client client) {
        return new SecurityEvent(Kind.ACCESS_FORBIDDEN, username, client, 0, String.join(",", groups));
    }

    public static SecurityEvent of(Kind kind, String username, Client client) {
        return new SecurityEvent(kind, username, client, 1);
    }

    public static SecurityEvent loggedOut(String username, Client client, int sessions) {
        return new SecurityEvent(Kind.LOGGED_OUT, username, client, sessions);
    }

    /**
     * A refused redirect target, as far as its path: a query or fragment may hold what the page it
     * names keeps secret, and is not logged.
     */
    public static SecurityEvent redirectRefused(String rd, Client client) {
        int end = rd.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = rd.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return new SecurityEvent(Kind.REDIRECT_REFUSED, null, client, 0, rd.substring(0, end));
    }
}
