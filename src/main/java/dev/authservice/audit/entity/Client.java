package dev.authservice.audit.entity;

/** Who sent a request: the client's address and its User-Agent, as the session list shows them. */
public record Client(String address, String userAgent) {

    /** For work that no request started. */
    public static final Client NONE = new Client(null, null);
}
