package dev.authservice.auth.control;

/** A new password that breaks a rule of {@link PasswordPolicy}. */
public class WeakPasswordException extends AuthException {

    public WeakPasswordException(String detail) {
        super(detail);
    }
}
