package dev.authservice.clients.control;

/**
 * One client of the clients file: its id, its metadata, and its secret as the deployer wrote it
 * (client_secret) or only its SHA-256 (client_secret_sha256, hex), for a file that holds no secret.
 */
public record ClientsFileEntry(String clientId, ClientMetadata metadata, String secret, String secretSha256) {}
