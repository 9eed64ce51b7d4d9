package dev.authservice.oidc.control;

/**
 * How a client proved itself at the token or revocation endpoint: its id, its secret if it sent
 * one, and the method it used (client_secret_basic, client_secret_post, or none).
 */
public record ClientCredentials(String clientId, String secret, String method) {}
