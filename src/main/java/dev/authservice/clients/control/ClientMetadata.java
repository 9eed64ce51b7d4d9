package dev.authservice.clients.control;

import java.util.List;

/**
 * What an administrator says about a client (RFC 7591's names; OpenID Connect Registration's
 * id_token_signed_response_alg; our allowed_groups and access_token_signed_response_alg): checked by
 * {@link Clients} before it is stored.
 */
public record ClientMetadata(
        String clientName,
        List<String> redirectUris,
        List<String> postLogoutRedirectUris,
        String tokenEndpointAuthMethod,
        List<String> allowedGroups,
        String idTokenSignedResponseAlg,
        String accessTokenSignedResponseAlg) {

    /** Metadata that leaves both signing algorithms at the default, RS256. */
    public ClientMetadata(
            String clientName,
            List<String> redirectUris,
            List<String> postLogoutRedirectUris,
            String tokenEndpointAuthMethod,
            List<String> allowedGroups) {
        this(clientName, redirectUris, postLogoutRedirectUris, tokenEndpointAuthMethod, allowedGroups, null, null);
    }

    public static final String BASIC = "client_secret_basic";
    public static final String POST = "client_secret_post";
    public static final String NONE = "none";
    public static final List<String> AUTH_METHODS = List.of(BASIC, POST, NONE);
    public static final String RS256 = "RS256";
    public static final String ES256 = "ES256";
    /** The signing algorithms a client may register; RS256 is the default, as OpenID Connect says. */
    public static final List<String> SIGNING_ALGS = List.of(RS256, ES256);
}
