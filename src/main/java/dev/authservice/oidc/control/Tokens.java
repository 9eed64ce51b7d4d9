package dev.authservice.oidc.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.authservice.keys.control.SignedTokens;
import dev.authservice.keys.control.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The provider's JWTs, made and checked with Nimbus: ID tokens (OpenID Connect Core, section 2)
 * and access tokens in the shape MicroProfile JWT and WildFly's OIDC client read. Each carries a
 * "typ" claim, "ID" or "Bearer", so that neither is taken for the other.
 */
@ApplicationScoped
public class Tokens {

    static final String ID = SignedTokens.ID;
    static final String BEARER = SignedTokens.BEARER;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SigningKeys keys;

    @Inject
    SignedTokens signed;

    @Inject
    OidcSettings settings;

    @Inject
    Clock clock;

    /** Who a token is about and how they signed in. */
    public record Person(
            String subject,
            String username,
            List<String> groups,
            String sessionId,
            Instant authTime,
            List<String> amr,
            String email,
            boolean emailVerified) {

        /** The same person with the email claims only when the grant's scope has "email" and there is an address. */
        public Person scopedTo(String scope) {
            boolean asked =
                    scope != null && java.util.Arrays.asList(scope.split(" ")).contains("email");
            return asked ? this : new Person(subject, username, groups, sessionId, authTime, amr, null, false);
        }
    }

    /** An access token for {@code clientId}, of the grant {@code family}, signed with {@code alg}. */
    public String accessToken(String issuer, String clientId, Person person, String scope, String family, String alg) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(person.subject())
                .audience(clientId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.accessTokenLifetime())))
                .jwtID(randomId())
                .claim("typ", BEARER)
                .claim("upn", person.username())
                .claim("preferred_username", person.username())
                .claim("groups", person.groups())
                .claim("roles", person.groups())
                .claim("scope", scope)
                .claim("client_id", clientId)
                .claim("azp", clientId)
                .claim("sid", person.sessionId())
                .claim("grant_id", family)
                .build();
        return sign(claims, alg);
    }

    /**
     * An ID token for {@code clientId}, signed with {@code alg}; {@code accessToken} gives its
     * at_hash, {@code nonce} is echoed as sent.
     */
    public String idToken(String issuer, String clientId, Person person, String nonce, String accessToken, String alg) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(person.subject())
                .audience(clientId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.accessTokenLifetime())))
                .claim("typ", ID)
                .claim("azp", clientId)
                .claim("auth_time", person.authTime().getEpochSecond())
                .claim("amr", person.amr())
                .claim("sid", person.sessionId())
                .claim("at_hash", leftHalfHash(accessToken))
                .claim("preferred_username", person.username())
                .claim("groups", person.groups());
        if (person.email() != null) {
            claims.claim("email", person.email()).claim("email_verified", person.emailVerified());
        }
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        return sign(claims.build(), alg);
    }

    /**
     * The claims of an access token this issuer signed, if it is one and has not expired; empty
     * for anything else, an ID token included.
     */
    public Optional<JWTClaimsSet> verifiedAccessToken(String token, String issuer) {
        return signed.liveAccessToken(token, issuer);
    }

    /**
     * The claims of an ID token this issuer signed, expired or not: what id_token_hint may carry
     * (OpenID Connect Core, section 3.1.2.1, and RP-Initiated Logout, section 2).
     */
    public Optional<JWTClaimsSet> verifiedIdTokenHint(String token, String issuer) {
        return signed.verified(token, issuer, SignedTokens.ID);
    }

    /** Signed by the newest key for {@code alg}: RS256 or ES256, as the client registered. */
    private String sign(JWTClaimsSet claims, String alg) {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(alg);
        SigningKeys.Signer signer = keys.signer(algorithm);
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(algorithm)
                            .keyID(signer.kid())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(signer.signer());
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with " + signer.kid() + " failed", e);
        }
    }

    /** at_hash: the left half of the SHA-256 of the access token, base64url (Core, section 3.1.3.6). */
    static String leftHalfHash(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, hash.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static String randomId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
