package dev.authservice.keys.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
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
 * The OpenID provider's signing keys: RS256, 2048-bit RSA, each named by its JWK thumbprint
 * (RFC 7638). The first is made at deployment (SigningKeysAtStart) and stored for every instance
 * (SigningKeyRows); after that they come from memory, read again once a minute, as a relying party
 * fetches the key set often and may give up after half a second (Soteria's default timeouts).
 */
@ApplicationScoped
public class SigningKeys {

    static final int RSA_BITS = 2048;

    @Inject
    SigningKeyRows rows;

    @Inject
    SecretBox box;

    @Inject
    KeySettings settings;

    @Inject
    Clock clock;

    private volatile Keys keys;

    /** The public halves of every key still published, newest first. */
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
    public Optional<RSASSAVerifier> verifier(String kid) {
        Optional<RSAKey> key = publicKey(kid);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Keys loaded = keys();
        return Optional.of(loaded.verifiers.computeIfAbsent(kid, k -> {
            try {
                return new RSASSAVerifier(key.get());
            } catch (JOSEException e) {
                throw new IllegalStateException("the public half of " + kid + " is no RSA verification key", e);
            }
        }));
    }

    /**
     * The key that signs now, private half included. Opened on first use, not with the key set: a
     * wrong auth.mfa.key stops signing, with a log line that names the key, not the key set.
     */
    public RSAKey signing() {
        Keys loaded = keys();
        RSAKey opened = loaded.signing;
        if (opened == null) {
            opened = open(loaded.newest());
            loaded.signing = opened;
        }
        return opened;
    }

    /**
     * The public half of the key named {@code kid}, to verify a token with. A name not known here
     * may be a key another instance has just made: the keys are read again, at most once a
     * second, before the answer is no: a rotation on another instance counts here at once, and a
     * stream of made-up key ids costs one read a second at most.
     */
    public Optional<RSAKey> publicKey(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        Optional<RSAKey> known = find(keys(), kid);
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

    private static Optional<RSAKey> find(Keys loaded, String kid) {
        JWK key = loaded.published().getKeyByKeyId(kid);
        return key instanceof RSAKey rsa ? Optional.of(rsa) : Optional.empty();
    }

    /**
     * Makes a new key, which signs from now on; the one before stays published for
     * {@link KeySettings#retention()}. Another instance signs with it within a minute.
     */
    public synchronized String rotate() {
        Keys current = load();
        int next = current.newest().generation() + 1;
        // An instance rotating at the same moment takes this generation first: its key is the new one.
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
        }
        Instant now = clock.instant();
        List<JWK> published = new ArrayList<>();
        published.add(publicHalf(stored.get(0)));
        // An older key stays while tokens it signed may still be in use: until its successor has
        // signed for the retention period.
        for (int i = 1; i < stored.size(); i++) {
            if (stored.get(i - 1).createdAt().plus(settings.retention()).isAfter(now)) {
                published.add(publicHalf(stored.get(i)));
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
            return new SigningKey(
                    generation,
                    key.getKeyID(),
                    JWSAlgorithm.RS256.getName(),
                    key.toPublicJWK().toJSONString(),
                    box.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), context(key.getKeyID())),
                    clock.instant());
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation is required of every Java platform", e);
        }
    }

    private RSAKey open(SigningKey stored) {
        byte[] json = box.open(stored.sealedJwk(), context(stored.kid()));
        try {
            return RSAKey.parse(new String(json, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException("the signing key " + stored.kid() + " is not a JWK", e);
        }
    }

    private static JWK publicHalf(SigningKey stored) {
        try {
            return JWK.parse(stored.publicJwk());
        } catch (ParseException e) {
            throw new IllegalStateException("the public half of signing key " + stored.kid() + " is not a JWK", e);
        }
    }

    /** What a sealed key is bound to: a sealed value copied to another row does not open. */
    private static String context(String kid) {
        return "oidc-signing-key:" + kid;
    }

    /** What was read at first use: the published set and the newest key's row, opened when first needed. */
    private static final class Keys {

        private final JWKSet published;
        private final SigningKey newest;
        private final Instant loadedAt;
        private final String publishedJson;
        private final Map<String, RSASSAVerifier> verifiers = new ConcurrentHashMap<>();
        private volatile RSAKey signing;

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
