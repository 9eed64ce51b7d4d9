package dev.authservice.auth.control;

/** A failed login. One message for an unknown user and a wrong password, so neither is revealed. */
public class InvalidCredentialsException extends AuthException {

    public InvalidCredentialsException() {
        super("Invalid username or password.");
    }

    /** A login body that cannot be credentials at all; the spec answers every failed login with 401. */
    public static InvalidCredentialsException unreadable(String detail) {
        return new InvalidCredentialsException(detail);
    }

    /** A password change whose current password is wrong. */
    public static InvalidCredentialsException wrongCurrentPassword() {
        return new InvalidCredentialsException("The current password is wrong.");
    }

    private InvalidCredentialsException(String detail) {
        super(detail);
    }
}
