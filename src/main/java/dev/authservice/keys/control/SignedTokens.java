package dev.authservice.keys.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.util.Optional;

/**
 * Reads a JWT the provider signed: its signature checked with a published key named by its kid,
 * RS256 or ES256 as that key says, its issuer and its "typ" claim ("ID" or "Bearer") those expected. For the OpenID
 * provider's endpoints and for introspection alike.
 */
@ApplicationScoped
public class SignedTokens {

    /** The typ claim of an ID token. */
    public static final String ID = "ID";

    /** The typ claim of an access token. */
    public static final String BEARER = "Bearer";

    /** Longer than any token the provider signs; a longer one is not parsed at all. */
    static final int MAX_LENGTH = 16_384;

    @Inject
    SigningKeys keys;

    @Inject
    Clock clock;

    /** The claims of a token of {@code type} by {@code issuer}, expired or not; empty for anything else. */
    public Optional<JWTClaimsSet> verified(String token, String issuer, String type) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            // The header's alg must be the named key's own: no "none", no HMAC keyed with a public key.
            JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
            String kid = jwt.getHeader().getKeyID();
            Optional<JWK> key = SigningKeys.ALGORITHMS.contains(alg) ? keys.publicKey(kid) : Optional.empty();
            if (key.isEmpty() || !alg.equals(key.get().getAlgorithm())) {
                return Optional.empty();
            }
            Optional<JWSVerifier> verifier = keys.verifier(kid);
            if (verifier.isEmpty() || !jwt.verify(verifier.get())) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer()) || !type.equals(claims.getClaim("typ"))) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (ParseException | JOSEException | IllegalStateException notOurs) {
            return Optional.empty();
        }
    }

    /** An access token of {@code issuer} that has not expired. */
    public Optional<JWTClaimsSet> liveAccessToken(String token, String issuer) {
        return verified(token, issuer, BEARER)
                .filter(claims -> claims.getExpirationTime() != null
                        && clock.instant().isBefore(claims.getExpirationTime().toInstant()));
    }
}
