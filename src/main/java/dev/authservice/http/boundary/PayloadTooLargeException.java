package dev.authservice.http.boundary;

/** A request body over auth.request.max-body-bytes: 413, and the connection closed. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(int limit) {
        super("The request body is larger than " + limit + " bytes.", null, false, false);
    }
}
