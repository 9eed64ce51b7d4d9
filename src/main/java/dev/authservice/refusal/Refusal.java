package dev.authservice.refusal;

import jakarta.ejb.ApplicationException;
import java.time.Duration;

/**
 * A request the service refuses for a reason the client can act on. The EJB container passes it
 * through unwrapped and rolls the transaction back; the boundary turns its {@link Reason} into a
 * status code and problem+json. Its message is the problem's detail, so it never holds a secret.
 */
@ApplicationException(rollback = true)
public final class Refusal extends RuntimeException {

    /** Why a request was refused; the boundary alone decides what status each one gets. */
    public enum Reason {
        /** The body is not what the endpoint takes: malformed JSON, a missing or mistyped field. */
        INVALID_REQUEST,
        USERNAME_TAKEN,
        /** A new password that breaks a rule of {@link PasswordPolicy}. */
        WEAK_PASSWORD,
        /** A failed login; one answer for an unknown user and a wrong password. */
        INVALID_CREDENTIALS,
        /** No bearer token was sent (RFC 6750 §3: the challenge then carries no error code). */
        TOKEN_MISSING,
        /** A bearer token that is malformed, unknown, expired or revoked. */
        TOKEN_INVALID,
        /** Too many failed attempts for this name; see {@link Refusal#retryAfter()}. */
        THROTTLED,
        /** Every hashing slot is busy and the queue is full. */
        HASHING_BUSY,
        /** As many of these as the service keeps are under way (passkey sign-ins); see {@link Refusal#retryAfter()}. */
        BUSY,
        /** The password was right, but the account's second factor was missing, wrong or used already. */
        SECOND_FACTOR_REQUIRED,
        /** The account is not in the state this request needs (a second factor already active, say). */
        CONFLICT,
        /** No such thing for this user; one answer for unknown, ended and someone else's. */
        NOT_FOUND,
        /** A browser's sign-in that waited for its second factor is unknown, finished or too old. */
        SIGN_IN_EXPIRED,
        /** The caller is who they say, but may not do this (not an administrator, not in the group). */
        FORBIDDEN,
        /** A passkey's answer that proves nothing: one answer for every way it can fail. */
        PASSKEY_REFUSED
    }

    private final Reason reason;
    private final Duration retryAfter;

    private Refusal(Reason reason, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public static Refusal invalidRequest(String detail) {
        return new Refusal(Reason.INVALID_REQUEST, detail, null);
    }

    public static Refusal usernameTaken() {
        return new Refusal(Reason.USERNAME_TAKEN, "That username is already taken.", null);
    }

    public static Refusal weakPassword(String detail) {
        return new Refusal(Reason.WEAK_PASSWORD, detail, null);
    }

    public static Refusal invalidCredentials() {
        return new Refusal(Reason.INVALID_CREDENTIALS, "Invalid username or password.", null);
    }

    /** A login body that cannot be credentials at all: the HTTP contract answers every failed login with 401. */
    public static Refusal unreadableCredentials(String detail) {
        return new Refusal(Reason.INVALID_CREDENTIALS, detail, null);
    }

    public static Refusal wrongCurrentPassword() {
        return new Refusal(Reason.INVALID_CREDENTIALS, "The current password is wrong.", null);
    }

    public static Refusal tokenMissing() {
        return new Refusal(Reason.TOKEN_MISSING, "A bearer token is required in the Authorization header.", null);
    }

    public static Refusal tokenInvalid() {
        return new Refusal(Reason.TOKEN_INVALID, "The bearer token is invalid, expired or revoked.", null);
    }

    public static Refusal throttled(Duration retryAfter) {
        return new Refusal(
                Reason.THROTTLED, "Too many failed login attempts for this account; try again later.", retryAfter);
    }

    public static Refusal hashingBusy() {
        return new Refusal(
                Reason.HASHING_BUSY,
                "The service is busy verifying passwords; try again in a moment.",
                Duration.ofSeconds(1));
    }

    public static Refusal busy(String detail, Duration retryAfter) {
        return new Refusal(Reason.BUSY, detail, retryAfter);
    }

    public static Refusal secondFactorRequired() {
        return new Refusal(
                Reason.SECOND_FACTOR_REQUIRED,
                "This account needs its one-time code (\"otp\"): a current TOTP code or an unused recovery code.",
                null);
    }

    public static Refusal conflict(String detail) {
        return new Refusal(Reason.CONFLICT, detail, null);
    }

    public static Refusal notFound(String detail) {
        return new Refusal(Reason.NOT_FOUND, detail, null);
    }

    /** A session whose password must be changed first asked for something else. */
    public static Refusal passwordChangeRequired() {
        return new Refusal(
                Reason.FORBIDDEN,
                "This account's password must be changed before anything else: POST /password, or the"
                        + " account page (/portal/account).",
                null);
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(Reason.FORBIDDEN, detail, null);
    }

    public static Refusal signInExpired() {
        return new Refusal(Reason.SIGN_IN_EXPIRED, "This sign-in has expired; start again.", null);
    }

    public static Refusal passkeyRefused() {
        return new Refusal(Reason.PASSKEY_REFUSED, "The passkey was not accepted; start again with new options.", null);
    }

    /** A re-authentication whose password is wrong. */
    public static Refusal wrongPassword() {
        return new Refusal(Reason.INVALID_CREDENTIALS, "The password is wrong.", null);
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }

    /** Whole seconds, rounded up, at least one: the value of the Retry-After header. Zero if none applies. */
    public long retryAfterSeconds() {
        if (retryAfter == null) {
            return 0;
        }
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** How long the client should wait, or null where waiting does not help. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
