package dev.authservice.oidc.control;

/** The token endpoint's answer (RFC 6749, section 5.1, and OpenID Connect Core, section 3.1.3.3). */
public record TokenSet(String accessToken, long expiresIn, String idToken, String refreshToken, String scope) {}
