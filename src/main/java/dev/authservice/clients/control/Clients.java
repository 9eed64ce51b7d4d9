package dev.authservice.clients.control;

import dev.authservice.accounts.entity.GroupName;
import dev.authservice.clients.entity.RegisteredClient;
import dev.authservice.persistence.control.ConstraintViolations;
import dev.authservice.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every read and write of the registered clients, and the rules their metadata keeps: a name, at
 * least one redirect URI (each {@link RedirectUris#problemWith allowed}), an authentication method
 * of {@link ClientMetadata#AUTH_METHODS}, group names that are names, signing algorithms of
 * {@link ClientMetadata#SIGNING_ALGS}. A confidential client's
 * secret is made here, shown once, and kept as its SHA-256: it is 256 random bits, so a fast hash
 * is as safe as a slow one, and the token endpoint checks it on every call.
 */
@ApplicationScoped
public class Clients {

    static final int MAX_URIS = 20;
    static final int MAX_NAME = 256;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Registers a new client under a random id; the answer carries its secret, if it has one. */
    public RegisteredClientView register(ClientMetadata metadata) {
        return register(randomId(), metadata, null);
    }

    /**
     * Registers a client under an id and, for a confidential one, a secret the deployer chose (the
     * clients file); null secret makes one.
     */
    public RegisteredClientView register(String clientId, ClientMetadata metadata, String secret) {
        requireValidId(clientId);
        ClientMetadata checked = checked(metadata);
        RegisteredClient client = new RegisteredClient(clientId, clock.instant());
        describe(client, checked);
        String shown = null;
        if (!checked.tokenEndpointAuthMethod().equals(ClientMetadata.NONE)) {
            shown = secret != null ? secret : randomSecret();
            client.secretHash(hash(shown));
        }
        try {
            em.persist(client);
            em.flush();
        } catch (PersistenceException e) {
            if (ConstraintViolations.causedBy(e)) {
                throw Refusal.conflict("A client with this id exists.");
            }
            throw e;
        }
        return view(client, shown);
    }

    /**
     * Replaces a client's metadata. Its secret stays; a public client made confidential gets one,
     * shown in this answer; a confidential one made public loses it.
     */
    public RegisteredClientView update(String clientId, ClientMetadata metadata) {
        RegisteredClient client = existing(clientId);
        ClientMetadata checked = checked(metadata);
        describe(client, checked);
        String shown = null;
        if (checked.tokenEndpointAuthMethod().equals(ClientMetadata.NONE)) {
            client.secretHash(null);
        } else if (client.secretHash() == null) {
            shown = randomSecret();
            client.secretHash(hash(shown));
        }
        return view(client, shown);
    }

    /**
     * A client of the clients file, made or brought to what the file says (metadata and secret),
     * in a transaction of its own: applied on every instance at every deployment, so it must come
     * to the same whether it runs once or twice, here or on another instance at the same moment.
     * Returns whether it was new.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean apply(ClientsFileEntry entry) {
        requireValidId(entry.clientId());
        ClientMetadata checked = checked(entry.metadata());
        boolean confidential = !checked.tokenEndpointAuthMethod().equals(ClientMetadata.NONE);
        String secretHash = null;
        if (confidential) {
            if (entry.secret() != null) {
                secretHash = hash(entry.secret());
            } else if (entry.secretSha256() != null && entry.secretSha256().matches("[0-9a-fA-F]{64}")) {
                secretHash = entry.secretSha256().toLowerCase(Locale.ROOT);
            } else {
                throw Refusal.invalidRequest("client " + entry.clientId()
                        + ": a confidential client needs client_secret or client_secret_sha256 (64 hex digits).");
            }
        }
        RegisteredClient client = em.find(RegisteredClient.class, entry.clientId());
        boolean created = client == null;
        if (created) {
            client = new RegisteredClient(entry.clientId(), clock.instant());
        }
        describe(client, checked);
        client.secretHash(secretHash);
        if (created) {
            em.persist(client);
        }
        return created;
    }

    public void delete(String clientId) {
        em.remove(existing(clientId));
    }

    public RegisteredClientView view(String clientId) {
        return view(existing(clientId), null);
    }

    public List<RegisteredClientView> all() {
        return em.createNamedQuery(RegisteredClient.ALL, RegisteredClient.class).getResultList().stream()
                .map(c -> view(c, null))
                .toList();
    }

    /** The client of this id, or a not-found refusal. */
    public RegisteredClient existing(String clientId) {
        return find(clientId).orElseThrow(() -> Refusal.notFound("There is no client with this id."));
    }

    public Optional<RegisteredClient> find(String clientId) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(RegisteredClient.class, clientId));
    }

    /**
     * The client these credentials prove, by the method it registered: a confidential client by
     * its secret, a public one by its id alone. A confidential client registered for basic may also
     * send post, and the other way round: Soteria sends post, WildFly basic, and which one carries
     * the secret does not change what it proves (RFC 6749, section 2.3.1). Empty if they
     * prove none; the comparison of hashes takes the same time whatever they hold.
     */
    public Optional<RegisteredClient> authenticate(String clientId, String secret, String method) {
        Optional<RegisteredClient> found = find(clientId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RegisteredClient client = found.get();
        if (client.isPublic()) {
            return secret == null && method.equals(ClientMetadata.NONE) ? found : Optional.empty();
        }
        if (secret == null || method.equals(ClientMetadata.NONE)) {
            return Optional.empty();
        }
        boolean matches = MessageDigest.isEqual(
                hash(secret).getBytes(StandardCharsets.US_ASCII),
                client.secretHash().getBytes(StandardCharsets.US_ASCII));
        return matches ? found : Optional.empty();
    }

    /** The origins of every registered redirect and post-logout URI (see ClientOrigins). */
    public Set<String> redirectOrigins() {
        Set<String> origins = new LinkedHashSet<>();
        for (RegisteredClient client : em.createNamedQuery(RegisteredClient.ALL, RegisteredClient.class)
                .getResultList()) {
            List<String> uris = new ArrayList<>(client.redirectUris());
            uris.addAll(client.postLogoutRedirectUris());
            for (String uri : uris) {
                URI parsed = URI.create(uri);
                origins.add(parsed.getScheme().toLowerCase(Locale.ROOT) + "://" + parsed.getRawAuthority());
            }
        }
        return origins;
    }

    private void describe(RegisteredClient client, ClientMetadata checked) {
        client.describe(
                checked.clientName(),
                checked.tokenEndpointAuthMethod(),
                checked.redirectUris(),
                checked.postLogoutRedirectUris(),
                checked.allowedGroups(),
                checked.idTokenSignedResponseAlg(),
                checked.accessTokenSignedResponseAlg(),
                clock.instant());
    }

    private static ClientMetadata checked(ClientMetadata metadata) {
        String name = metadata.clientName() == null ? "" : metadata.clientName().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw Refusal.invalidRequest(
                    "client_name is required: up to " + MAX_NAME + " characters, no control characters.");
        }
        List<String> redirects = uris("redirect_uris", metadata.redirectUris());
        if (redirects.isEmpty()) {
            throw Refusal.invalidRequest("redirect_uris needs at least one URI.");
        }
        List<String> postLogout = uris("post_logout_redirect_uris", metadata.postLogoutRedirectUris());
        String method =
                metadata.tokenEndpointAuthMethod() == null ? ClientMetadata.BASIC : metadata.tokenEndpointAuthMethod();
        if (!ClientMetadata.AUTH_METHODS.contains(method)) {
            throw Refusal.invalidRequest(
                    "token_endpoint_auth_method must be one of " + ClientMetadata.AUTH_METHODS + ".");
        }
        List<String> groups = new ArrayList<>();
        for (String group : metadata.allowedGroups() == null ? List.<String>of() : metadata.allowedGroups()) {
            if (!GroupName.isValid(group)) {
                throw Refusal.invalidRequest("allowed_groups holds a name that cannot be a group's.");
            }
            if (!groups.contains(group)) {
                groups.add(group);
            }
        }
        return new ClientMetadata(
                name,
                redirects,
                postLogout,
                method,
                groups,
                signingAlg("id_token_signed_response_alg", metadata.idTokenSignedResponseAlg()),
                signingAlg("access_token_signed_response_alg", metadata.accessTokenSignedResponseAlg()));
    }

    private static String signingAlg(String field, String given) {
        String alg = given == null ? ClientMetadata.RS256 : given;
        if (!ClientMetadata.SIGNING_ALGS.contains(alg)) {
            throw Refusal.invalidRequest(field + " must be one of " + ClientMetadata.SIGNING_ALGS + ".");
        }
        return alg;
    }

    private static List<String> uris(String field, List<String> given) {
        List<String> uris = given == null ? List.of() : given;
        if (uris.size() > MAX_URIS) {
            throw Refusal.invalidRequest(field + " may hold at most " + MAX_URIS + " URIs.");
        }
        List<String> distinct = new ArrayList<>();
        for (String uri : uris) {
            Optional<String> problem = RedirectUris.problemWith(uri);
            if (problem.isPresent()) {
                throw Refusal.invalidRequest(field + ": " + problem.get());
            }
            if (!distinct.contains(uri)) {
                distinct.add(uri);
            }
        }
        return distinct;
    }

    private static void requireValidId(String clientId) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw Refusal.invalidRequest("client_id must be 1 to 64 letters, digits, '.', '_', '~' or '-'.");
        }
    }

    private static RegisteredClientView view(RegisteredClient client, String secret) {
        return new RegisteredClientView(
                client.clientId(),
                secret,
                client.clientName(),
                client.redirectUris(),
                client.postLogoutRedirectUris(),
                client.authMethod(),
                client.allowedGroups(),
                client.idTokenAlg(),
                client.accessTokenAlg(),
                client.createdAt());
    }

    private static String randomId() {
        return random(16);
    }

    private static String randomSecret() {
        return random(32);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
