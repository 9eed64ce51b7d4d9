package dev.authservice.auth.control;

/** Every hashing slot is busy and the queue is full: try again shortly (503 with Retry-After). */
public class HashingBusyException extends AuthException {

    public HashingBusyException() {
        super("The service is busy verifying passwords; try again in a moment.");
    }
}
