package dev.authservice.clients.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A relying party an administrator registered: its name, how it authenticates at the token
 * endpoint (a secret, kept only as its SHA-256, or none for a public client), the exact URIs it
 * may be sent back to, and the groups whose members may use it (none: everyone).
 */
@Entity
@Table(name = "AUTH_OIDC_CLIENT")
@NamedQuery(name = RegisteredClient.ALL, query = "SELECT c FROM RegisteredClient c ORDER BY c.clientId")
public class RegisteredClient {

    public static final String ALL = "RegisteredClient.all";

    @Id
    @Column(name = "CLIENT_ID", length = 64)
    private String clientId;

    @Column(name = "CLIENT_NAME", nullable = false, length = 256)
    private String clientName;

    @Column(name = "SECRET_HASH", length = 64)
    private String secretHash;

    @Column(name = "AUTH_METHOD", nullable = false, length = 32)
    private String authMethod;

    @Column(name = "REDIRECT_URIS", nullable = false, length = 8192)
    private String redirectUris;

    @Column(name = "POST_LOGOUT_REDIRECT_URIS", nullable = false, length = 8192)
    private String postLogoutRedirectUris;

    @Column(name = "ALLOWED_GROUPS", nullable = false, length = 4096)
    private String allowedGroups;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Column(name = "ID_TOKEN_ALG", nullable = false, length = 16)
    private String idTokenAlg = "RS256";

    @Column(name = "ACCESS_TOKEN_ALG", nullable = false, length = 16)
    private String accessTokenAlg = "RS256";

    protected RegisteredClient() {
        // for JPA
    }

    public RegisteredClient(String clientId, Instant createdAt) {
        this.clientId = clientId;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Sets everything but the secret; the URI and group lists as given, already checked. */
    public void describe(
            String clientName,
            String authMethod,
            List<String> redirectUris,
            List<String> postLogoutRedirectUris,
            List<String> allowedGroups,
            String idTokenAlg,
            String accessTokenAlg,
            Instant now) {
        this.clientName = clientName;
        this.idTokenAlg = idTokenAlg;
        this.accessTokenAlg = accessTokenAlg;
        this.authMethod = authMethod;
        this.redirectUris = String.join("\n", redirectUris);
        this.postLogoutRedirectUris = String.join("\n", postLogoutRedirectUris);
        this.allowedGroups = String.join(",", allowedGroups);
        this.updatedAt = now;
    }

    /** The SHA-256 of the secret (hex), or null for a public client. */
    public void secretHash(String hash) {
        this.secretHash = hash;
    }

    public String clientId() {
        return clientId;
    }

    public String clientName() {
        return clientName;
    }

    public String secretHash() {
        return secretHash;
    }

    public String authMethod() {
        return authMethod;
    }

    public boolean isPublic() {
        return secretHash == null;
    }

    public List<String> redirectUris() {
        return split(redirectUris, "\n");
    }

    public List<String> postLogoutRedirectUris() {
        return split(postLogoutRedirectUris, "\n");
    }

    public List<String> allowedGroups() {
        return split(allowedGroups, ",");
    }

    /** What its ID tokens are signed with: "RS256" or "ES256". */
    public String idTokenAlg() {
        return idTokenAlg;
    }

    /** What its access tokens are signed with: "RS256" or "ES256". */
    public String accessTokenAlg() {
        return accessTokenAlg;
    }

    public Instant createdAt() {
        return createdAt;
    }

    private static List<String> split(String joined, String separator) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(separator));
    }
}
