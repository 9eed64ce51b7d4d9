package dev.authservice.passkeys.control;

import dev.authservice.refusal.Refusal;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Who a ceremony is for: the relying-party id that scopes the passkeys (a domain) and the one
 * origin whose pages may run the ceremonies.
 */
public record RelyingParty(String id, String origin) {

    /**
     * The relying party of a portal at {@code origin} when no rp id is configured: the origin's
     * host. An origin with no host (a request's Host header that names none) is refused.
     */
    public static RelyingParty ofOrigin(String origin) {
        try {
            String host = new URI(origin).getHost();
            if (host != null) {
                return new RelyingParty(host, origin);
            }
        } catch (URISyntaxException notAnOrigin) {
            // refused below
        }
        throw Refusal.invalidRequest("The request's Host header names no host a passkey could be for.");
    }
}
