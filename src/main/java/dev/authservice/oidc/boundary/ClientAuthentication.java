package dev.authservice.oidc.boundary;

import dev.authservice.clients.control.ClientMetadata;
import dev.authservice.oidc.control.ClientCredentials;
import dev.authservice.oidc.control.OAuthError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The client's credentials from a token or revocation request (RFC 6749, section 2.3.1): HTTP
 * Basic, whose id and secret are form-encoded before they are joined, or client_id and
 * client_secret in the body, or client_id alone for a public client. Both at once is refused, as
 * the RFC asks.
 */
final class ClientAuthentication {

    private ClientAuthentication() {}

    static ClientCredentials of(String authorization, Map<String, String> form) {
        String formId = form.get("client_id");
        String formSecret = form.get("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (formSecret != null) {
                throw OAuthError.invalidRequest("Send the client's credentials one way: HTTP Basic or the body.");
            }
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                throw OAuthError.invalidClient();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthError.invalidClient();
            }
            String id = formDecoded(decoded.substring(0, colon));
            if (formId != null && !formId.equals(id)) {
                throw OAuthError.invalidRequest("client_id in the body is not the one in the Authorization header.");
            }
            return new ClientCredentials(id, formDecoded(decoded.substring(colon + 1)), ClientMetadata.BASIC);
        }
        if (authorization != null && !authorization.isBlank()) {
            throw OAuthError.invalidClient();
        }
        if (formId == null) {
            throw OAuthError.invalidClient();
        }
        return formSecret == null
                ? new ClientCredentials(formId, null, ClientMetadata.NONE)
                : new ClientCredentials(formId, formSecret, ClientMetadata.POST);
    }

    private static String formDecoded(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            throw OAuthError.invalidClient();
        }
    }

    static boolean usedBasic(String authorization) {
        return authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("basic ");
    }
}
