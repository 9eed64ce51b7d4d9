package dev.authservice.clients.control;

import java.util.List;

/**
 * What an administrator says about a client (RFC 7591's names, and our allowed_groups): checked by
 * {@link Clients} before it is stored.
 */
public record ClientMetadata(
        String clientName,
        List<String> redirectUris,
        List<String> postLogoutRedirectUris,
        String tokenEndpointAuthMethod,
        List<String> allowedGroups) {

    public static final String BASIC = "client_secret_basic";
    public static final String POST = "client_secret_post";
    public static final String NONE = "none";
    public static final List<String> AUTH_METHODS = List.of(BASIC, POST, NONE);
}
