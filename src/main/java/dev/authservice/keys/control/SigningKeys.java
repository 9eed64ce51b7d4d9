package dev.authservice.keys.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.authservice.keys.entity.SigningKey;
import dev.authservice.secondfactor.control.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenID provider's signing keys. Each generation is a pair: a 2048-bit RSA key for RS256 (the
 * default) and an EC P-256 key for ES256 (offered to clients that register it), each named by its
 * JWK thumbprint (RFC 7638) and rotated together. The first generation is made at deployment
 * (SigningKeysAtStart) and stored for every instance (SigningKeyRows); after that they come from
 * memory, read again once a minute, as a relying party fetches the key set often and may give up
 * after half a second (Soteria's default timeouts).
 */
@ApplicationScoped
public class SigningKeys {

    static final int RSA_BITS = 2048;

    /** The algorithms the provider signs with, the default first. */
    public static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    @Inject
    SigningKeyRows rows;

    @Inject
    SecretBox box;

    @Inject
    KeySettings settings;

    @Inject
    Clock clock;

    private volatile Keys keys;

    /** The public halves of every key still published, newest generation first, RSA before EC. */
    public JWKSet published() {
        return keys().published();
    }

    /** The same as JSON (RFC 7517), made once per reading of the keys: relying parties fetch it often. */
    public String publishedJson() {
        return keys().publishedJson;
    }

    /**
     * The verifier of the key named {@code kid}, made once per reading of the keys (a verifier
     * holds the parsed public key); empty for a name not published, as {@link #publicKey} says.
     */
    public Optional<JWSVerifier> verifier(String kid) {
        Optional<JWK> key = publicKey(kid);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Keys loaded = keys();
        return Optional.of(loaded.verifiers.computeIfAbsent(kid, k -> verifierOf(key.get())));
    }

    /**
     * What signs with {@code algorithm} now: the newest generation's key of that kind, private half
     * included. Opened on first use, not with the key set: a wrong auth.mfa.key stops signing, with
     * a log line that names the key, not the key set.
     */
    public Signer signer(JWSAlgorithm algorithm) {
        Keys loaded = keys();
        return loaded.signers.computeIfAbsent(algorithm, alg -> signerOf(open(loaded.newest(), alg)));
    }

    /** The newest generation's key for {@code algorithm}, private half included. */
    public JWK signing(JWSAlgorithm algorithm) {
        return signer(algorithm).key();
    }

    /**
     * The public half of the key named {@code kid}, to verify a token with. A name not known here
     * may be a key another instance has just made: the keys are read again, at most once a
     * second, before the answer is no: a rotation on another instance counts here at once, and a
     * stream of made-up key ids costs one read a second at most.
     */
    public Optional<JWK> publicKey(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        Optional<JWK> known = find(keys(), kid);
        if (known.isPresent()) {
            return known;
        }
        Keys loaded = keys;
        if (loaded != null && loaded.loadedAt.plusSeconds(1).isBefore(clock.instant())) {
            synchronized (this) {
                if (keys == loaded) {
                    keys = load();
                }
            }
            return find(keys, kid);
        }
        return Optional.empty();
    }

    private static Optional<JWK> find(Keys loaded, String kid) {
        return Optional.ofNullable(loaded.published().getKeyByKeyId(kid));
    }

    /**
     * Makes a new generation, which signs from now on; the one before stays published for
     * {@link KeySettings#retention()}. Another instance signs with it within a minute. Returns the
     * new RSA key's id.
     */
    public synchronized String rotate() {
        Keys current = load();
        int next = current.newest().generation() + 1;
        // An instance rotating at the same moment takes this generation first: its keys are the new ones.
        rows.add(generate(next));
        keys = load();
        return keys.newest().kid();
    }

    /** The keys as read last; read again when a minute old, to see another instance's rotation. */
    private Keys keys() {
        Keys loaded = keys;
        if (loaded == null || loaded.loadedAt.plus(KeySettings.RELOAD).isBefore(clock.instant())) {
            synchronized (this) {
                if (keys == loaded) {
                    keys = load();
                }
                loaded = keys;
            }
        }
        return loaded;
    }

    private Keys load() {
        List<SigningKey> stored = rows.all();
        if (stored.isEmpty()) {
            // Of instances racing for the first key, one stores it and all read that one.
            rows.add(generate(1));
            stored = rows.all();
        } else if (!stored.get(0).hasEcKey()) {
            // A generation from before ES256: of instances racing to give it its EC key, one wins.
            ECKey ec = generateEc();
            rows.addEcKey(
                    stored.get(0).generation(), ec.getKeyID(), ec.toPublicJWK().toJSONString(), sealed(ec));
            stored = rows.all();
        }
        Instant now = clock.instant();
        List<JWK> published = new ArrayList<>();
        published.addAll(publicHalves(stored.get(0)));
        // An older generation stays while tokens it signed may still be in use: until its
        // successor has signed for the retention period.
        for (int i = 1; i < stored.size(); i++) {
            if (stored.get(i - 1).createdAt().plus(settings.retention()).isAfter(now)) {
                published.addAll(publicHalves(stored.get(i)));
            }
        }
        return new Keys(new JWKSet(published), stored.get(0), now);
    }

    private SigningKey generate(int generation) {
        try {
            RSAKey key = new RSAKeyGenerator(RSA_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
            ECKey ec = generateEc();
            return new SigningKey(
                            generation,
                            key.getKeyID(),
                            JWSAlgorithm.RS256.getName(),
                            key.toPublicJWK().toJSONString(),
                            sealed(key),
                            clock.instant())
                    .withEcKey(ec.getKeyID(), ec.toPublicJWK().toJSONString(), sealed(ec));
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation is required of every Java platform", e);
        }
    }

    private static ECKey generateEc() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("P-256 key generation is required of every Java platform", e);
        }
    }

    private String sealed(JWK key) {
        return box.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), context(key.getKeyID()));
    }

    private JWK open(SigningKey stored, JWSAlgorithm algorithm) {
        boolean ec = JWSAlgorithm.ES256.equals(algorithm);
        if (!ec && !JWSAlgorithm.RS256.equals(algorithm)) {
            throw new IllegalArgumentException("the provider does not sign with " + algorithm);
        }
        String kid = ec ? stored.ecKid() : stored.kid();
        byte[] json = box.open(ec ? stored.ecSealedJwk() : stored.sealedJwk(), context(kid));
        try {
            return JWK.parse(new String(json, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException("the signing key " + kid + " is not a JWK", e);
        }
    }

    private static List<JWK> publicHalves(SigningKey stored) {
        List<JWK> halves = new ArrayList<>();
        halves.add(parsePublic(stored.kid(), stored.publicJwk()));
        if (stored.hasEcKey()) {
            halves.add(parsePublic(stored.ecKid(), stored.ecPublicJwk()));
        }
        return halves;
    }

    private static JWK parsePublic(String kid, String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("the public half of signing key " + kid + " is not a JWK", e);
        }
    }

    private static JWSVerifier verifierOf(JWK key) {
        try {
            if (key instanceof RSAKey rsa) {
                return new RSASSAVerifier(rsa);
            }
            if (key instanceof ECKey ec) {
                return new ECDSAVerifier(ec);
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("the public half of " + key.getKeyID() + " verifies nothing", e);
        }
        throw new IllegalStateException("the key " + key.getKeyID() + " is neither RSA nor EC");
    }

    private static Signer signerOf(JWK key) {
        try {
            JWSSigner signer = key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
            return new Signer(key, signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("the signing key " + key.getKeyID() + " signs nothing", e);
        }
    }

    /** What a sealed key is bound to: a sealed value copied to another row does not open. */
    private static String context(String kid) {
        return "oidc-signing-key:" + kid;
    }

    /** A signing key, private half included, with the signer made from it once. */
    public record Signer(JWK key, JWSSigner signer) {

        public String kid() {
            return key.getKeyID();
        }
    }

    /** What was read at first use: the published set and the newest generation, opened when first needed. */
    private static final class Keys {

        private final JWKSet published;
        private final SigningKey newest;
        private final Instant loadedAt;
        private final String publishedJson;
        private final Map<String, JWSVerifier> verifiers = new ConcurrentHashMap<>();
        private final Map<JWSAlgorithm, Signer> signers = new ConcurrentHashMap<>();

        Keys(JWKSet published, SigningKey newest, Instant loadedAt) {
            this.published = published;
            this.publishedJson = published.toString(true);
            this.newest = newest;
            this.loadedAt = loadedAt;
        }

        JWKSet published() {
            return published;
        }

        SigningKey newest() {
            return newest;
        }
    }
}
