package dev.authservice.clients.control;

import java.time.Instant;
import java.util.List;

/**
 * A client as the admin API shows it; {@code secret} is set only in the answer that made it, the
 * one time it is ever shown.
 */
public record RegisteredClientView(
        String clientId,
        String secret,
        String clientName,
        List<String> redirectUris,
        List<String> postLogoutRedirectUris,
        String tokenEndpointAuthMethod,
        List<String> allowedGroups,
        String idTokenSignedResponseAlg,
        String accessTokenSignedResponseAlg,
        Instant createdAt) {}
