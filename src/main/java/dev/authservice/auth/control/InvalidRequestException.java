package dev.authservice.auth.control;

/** The request body is not what the endpoint takes (malformed JSON, a missing or mistyped field). */
public class InvalidRequestException extends AuthException {

    public InvalidRequestException(String detail) {
        super(detail);
    }
}
