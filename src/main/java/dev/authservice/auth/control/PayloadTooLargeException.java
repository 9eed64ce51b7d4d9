package dev.authservice.auth.control;

/** A request body over auth.request.max-body-bytes. */
public class PayloadTooLargeException extends AuthException {

    public PayloadTooLargeException(int limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
