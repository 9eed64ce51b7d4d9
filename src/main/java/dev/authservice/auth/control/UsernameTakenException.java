package dev.authservice.auth.control;

/** Registration of a username that already has an account. */
public class UsernameTakenException extends AuthException {

    public UsernameTakenException() {
        super("That username is already taken.");
    }
}
