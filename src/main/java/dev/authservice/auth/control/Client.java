package dev.authservice.auth.control;

/** Who sent a request, as the security log records it: the client's address. */
public record Client(String address) {

    /** For work that no request started. */
    public static final Client NONE = new Client(null);
}
