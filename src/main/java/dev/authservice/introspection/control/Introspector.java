package dev.authservice.introspection.control;

import dev.authservice.clients.control.ClientMetadata;
import dev.authservice.clients.control.Clients;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Who asks to introspect (RFC 7662, section 2.1): a client of auth.introspection.clients, which
 * may look at any token, or a confidential OpenID client (HTTP Basic with its client_id and
 * secret), which may look at the access tokens issued to it.
 */
public record Introspector(String clientId, boolean openIdClient) {

    /** The introspector an Authorization header proves, if any. */
    public static Optional<Introspector> of(String authorization, IntrospectionClients configured, Clients clients) {
        Optional<String> gateway = configured.authenticate(authorization);
        if (gateway.isPresent()) {
            return Optional.of(new Introspector(gateway.get(), false));
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            // RFC 6749, section 2.3.1: each part is form-encoded before they are joined.
            String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            return clients.authenticate(id, secret, ClientMetadata.BASIC)
                    .map(client -> new Introspector(client.clientId(), true));
        } catch (IllegalArgumentException notBasic) {
            return Optional.empty();
        }
    }
}
