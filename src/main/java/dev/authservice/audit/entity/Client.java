package dev.authservice.audit.entity;

/**
 * Who sent a request: the client's address and its User-Agent, as the session list shows them,
 * and for a browser of the portal the SHA-256 of its device cookie (null otherwise), by which an
 * account knows the browsers it signed in from.
 */
public record Client(String address, String userAgent, String device) {

    /** For work that no request started. */
    public static final Client NONE = new Client(null, null, null);

    public Client(String address, String userAgent) {
        this(address, userAgent, null);
    }
}
